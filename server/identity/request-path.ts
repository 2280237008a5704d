/** The path and query of the page a request asked for, set by the proxy on every request. */
export const REQUEST_PATH_HEADER = 'x-registry-request-path';

/** Sign-in that returns to the page asked for (only a local path: never on to another site). */
export function signInPathFor(requested: string | null): string {
  const local = requested?.startsWith('/') && !requested.startsWith('//') && !requested.startsWith('/signin') ? requested : null;
  return local && local !== '/' ? `/signin?callbackUrl=${encodeURIComponent(local)}` : '/signin';
}

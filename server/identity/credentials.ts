const SESSION_COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token=/;

/**
 * Whether a request presents credentials (a bearer token or a session cookie), valid or not.
 * Requests without any are limited per client address at the door; requests whose credentials
 * fail take from that same allowance, so inventing credentials gains a flood nothing.
 */
export const presentsCredentials = (headers: Headers): boolean =>
  headers.has('authorization') || SESSION_COOKIE.test(headers.get('cookie') ?? '');

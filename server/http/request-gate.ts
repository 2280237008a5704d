import { config } from '../config';
import { AppError, validationFailed } from '../errors/app-error';

// What refuses a request before any route sees it, for both ways in: the Next.js proxy (pages,
// and every route on a serverless host) and the API's own door in the Node server (node-api.ts).

/** In production, a request for another host than the portal's (DNS rebinding); null when fine. */
export function wrongHost(host: string | null): AppError | null {
  if (!config.production || !config.canonicalHost || host === config.canonicalHost) return null;
  return new AppError('FORBIDDEN', `This server answers only for ${config.canonicalHost}`);
}

/** The status of that refusal: 421 Misdirected Request. */
export const WRONG_HOST_STATUS = 421;

/**
 * A path whose percent-encoding does not decode (Next.js would answer a bare 500 for it before
 * any handler runs): the client's mistake, null when the path decodes.
 */
export function undecodablePath(pathname: string): AppError | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return validationFailed({}, 'The address is not valid percent-encoding');
  }
}

/** The API's doors (tRPC and REST), whose answers are data, never documents. */
export const isApiPath = (pathname: string) => pathname.startsWith('/api/trpc/') || pathname.startsWith('/api/v1/');

/** An API answer may load nothing and be framed by nothing (no nonce: it has no scripts). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

import type { ErrorBody } from '../schemas/error';
import { ERROR_CODE_TRANSPORT } from '../errors/codes';
import { rateLimitHeaders } from './rate-limit';

/** The headers an error of this code carries besides its body. */
export function errorHeaders(code: string, details: unknown): Record<string, string> {
  if (code === 'UNAUTHENTICATED') return { 'WWW-Authenticate': 'Bearer realm="model-registry"' };
  if (code === 'RATE_LIMITED') return rateLimitHeaders(details);
  return {};
}

/** An error answer in the wire contract's shape, for failures outside any procedure. */
export function jsonError(code: ErrorBody['code'], message: string, traceId: string, details?: ErrorBody['details']): Response {
  return Response.json(
    { error: { code, message, details, traceId } },
    { status: ERROR_CODE_TRANSPORT[code].status, headers: errorHeaders(code, details) },
  );
}

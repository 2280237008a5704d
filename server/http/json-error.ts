import type { ErrorBody } from '../schemas/error';
import { ERROR_CODE_TRANSPORT } from '../errors/codes';

/** An error answer in the wire contract's shape, for failures outside any procedure. */
export function jsonError(code: ErrorBody['code'], message: string, traceId: string): Response {
  return Response.json({ error: { code, message, traceId } }, { status: ERROR_CODE_TRANSPORT[code].status });
}

import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorBody } from '../schemas/error';
import { AppError, describeFieldErrors } from './app-error';
import { BodyTooLargeError, MAX_BODY_BYTES } from './body-too-large';
import { ERROR_CODE_TRANSPORT, errorCodeFromTrpc } from './codes';
import { isDatabaseUnavailable } from './database-unavailable';
import { fieldErrorsFromIssues } from './field-errors';

export const GENERIC_MESSAGE = 'An unexpected error occurred; quote the traceId when reporting it';

/** How long a client should wait before retrying while the database cannot be reached. */
const UNAVAILABLE_RETRY_SECONDS = 2;

/** An error as every door answers it: the contract's body, the HTTP status and extra headers. */
export interface RenderedError {
  body: ErrorBody;
  status: number;
  headers: Record<string, string>;
}

/**
 * The one rendering of any error, for every door (tRPC, REST, route handlers, server actions,
 * MCP, the proxy): what the caller may know, with the request's correlation id as traceId.
 * Internal details (SQL, stack, driver messages) never reach the body; doors log them.
 */
export function renderError(error: unknown, traceId: string): RenderedError {
  const body = errorBody(error, traceId);
  return { body, status: ERROR_CODE_TRANSPORT[body.code].status, headers: errorHeaders(body) };
}

function errorBody(error: unknown, traceId: string): ErrorBody {
  // tRPC wraps what procedures throw; the cause is what happened.
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof AppError) return { code: cause.code, message: cause.message, details: cause.details, traceId };
  if (cause instanceof ZodError) {
    const { fieldErrors, formErrors } = fieldErrorsFromIssues(cause.issues);
    const message = formErrors[0] ?? describeFieldErrors(fieldErrors);
    return { code: 'VALIDATION_FAILED', message, details: formErrors.length ? { fieldErrors, formErrors } : { fieldErrors }, traceId };
  }
  if (cause instanceof BodyTooLargeError) {
    return { code: 'PAYLOAD_TOO_LARGE', message: `Request body must be at most ${MAX_BODY_BYTES} bytes`, traceId };
  }
  if (isDatabaseUnavailable(cause)) {
    return {
      code: 'UNAVAILABLE',
      message: 'The database cannot be reached right now; nothing was changed. Retry shortly.',
      details: { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
      traceId,
    };
  }
  if (error instanceof TRPCError) {
    // Raised by tRPC itself (unknown path, malformed JSON, wrong method): its message is safe.
    const code = errorCodeFromTrpc(error.code);
    return { code, message: code === 'INTERNAL' ? GENERIC_MESSAGE : error.message, traceId };
  }
  return { code: 'INTERNAL', message: GENERIC_MESSAGE, traceId };
}

/** The headers an error carries besides its body. */
function errorHeaders({ code, details }: ErrorBody): Record<string, string> {
  const { limit, retryAfterSeconds } = (details ?? {}) as { limit?: number; retryAfterSeconds?: number };
  if (code === 'UNAUTHENTICATED') return { 'WWW-Authenticate': 'Bearer realm="model-registry"' };
  if (code === 'UNAVAILABLE') return { 'Retry-After': String(retryAfterSeconds ?? UNAVAILABLE_RETRY_SECONDS) };
  if (code === 'RATE_LIMITED' && limit && retryAfterSeconds) {
    return {
      'Retry-After': String(retryAfterSeconds),
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(retryAfterSeconds),
    };
  }
  return {};
}

/** A rendered error as an HTTP response. */
export const errorResponse = ({ body, status, headers }: RenderedError): Response => Response.json({ error: body }, { status, headers });

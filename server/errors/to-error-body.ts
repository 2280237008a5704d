import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorBody } from '../schemas/error';
import { AppError, describeFieldErrors } from './app-error';
import { errorCodeFromTrpc } from './codes';
import { fieldErrorsFromIssues } from './field-errors';

export const GENERIC_MESSAGE = 'An unexpected error occurred; quote the traceId when reporting it';

/** The wire form of any error: what REST returns under "error" and tRPC under data.error. */
export function toErrorBody(error: TRPCError, traceId: string): ErrorBody {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return { code: cause.code, message: cause.message, details: cause.details, traceId };
  }
  if (cause instanceof ZodError) {
    const { fieldErrors, formErrors } = fieldErrorsFromIssues(cause.issues);
    const message = formErrors[0] ?? describeFieldErrors(fieldErrors);
    return {
      code: 'VALIDATION_FAILED',
      message,
      details: formErrors.length ? { fieldErrors, formErrors } : { fieldErrors },
      traceId,
    };
  }
  const code = errorCodeFromTrpc(error.code);
  return { code, message: code === 'INTERNAL' ? GENERIC_MESSAGE : error.message, traceId };
}

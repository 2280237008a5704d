import type { ErrorCode } from '../schemas/error';

export type FieldErrors = Record<string, string[]>;

/** The one error type services throw; its code decides the tRPC code and the HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

export const forbidden = (message: string) => new AppError('FORBIDDEN', message);

export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);

export const validationFailed = (fieldErrors: FieldErrors, message = describeFieldErrors(fieldErrors)) =>
  new AppError('VALIDATION_FAILED', message, { fieldErrors });

export function describeFieldErrors(fieldErrors: FieldErrors): string {
  const fields = Object.keys(fieldErrors);
  if (fields.length === 0) return 'Invalid request';
  const first = fields[0]!;
  const summary = `${first}: ${fieldErrors[first]![0]}`;
  return fields.length === 1 ? `Invalid ${summary}` : `${fields.length} fields are invalid (${summary}; …)`;
}

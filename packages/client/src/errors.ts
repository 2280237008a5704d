import { TRPCClientError } from '@trpc/client';
import type { ErrorBody } from '@/server/schemas/error';

/**
 * A non-2xx answer of a plain HTTP endpoint (the export), with the contract's error body; scripts
 * test for it with instanceof.
 */
export class RegistryHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'RegistryHttpError';
  }
}

/** The contract's error object ({ code, message, details, traceId }) of a failed call, if any. */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (error instanceof TRPCClientError) return (error.data as { error?: ErrorBody } | undefined)?.error ?? null;
  if (error instanceof RegistryHttpError) return error.body;
  return null;
}

import { TRPCError } from '@trpc/server';
import type { ErrorBody } from '../schemas/error';
import { toErrorBody } from '../errors/to-error-body';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Runs a procedure call for a server action and returns its error in the wire shape instead of throwing. */
export async function actionResult<T>(call: () => Promise<T>, traceId = crypto.randomUUID()): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error: toErrorBody(error, traceId) };
    throw error;
  }
}

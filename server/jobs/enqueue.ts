import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** The jobs the registry's worker runs, with their payloads. */
export interface JobPayloads {
  dispatch_event: { eventId: string };
  deliver_webhook: { deliveryId: string; attempt: number };
}
export type JobName = keyof JobPayloads;

/**
 * Adds a job to graphile-worker's queue inside the caller's transaction: the job exists if and
 * only if the change that asked for it commits (the transactional outbox's other half).
 */
export async function enqueue<Name extends JobName>(tx: Database, name: Name, payload: JobPayloads[Name], options: { runAt?: Date } = {}): Promise<void> {
  // graphile-worker's own SQL API; Drizzle cannot call a function with named arguments.
  await tx.execute(sql`select graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json, run_at := ${options.runAt?.toISOString() ?? null}::timestamptz)`);
}

/**
 * The same as an SQL expression, for a statement that writes a row and queues its job at once (one
 * round trip instead of two); `payload` is an expression of the job's payload as json.
 */
export const addJob = <Name extends JobName>(name: Name, payload: SQL): SQL => sql`graphile_worker.add_job(${name}, ${payload})`;

import { Logger, type Runner, type TaskList, run } from 'graphile-worker';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { DatabaseConfig } from '@/db/config';
import { logger } from '../observability/logger';
import { deliverWebhook } from '../services/webhooks/deliver';
import { dispatchEvent } from '../services/webhooks/dispatch';
import type { JobName } from './enqueue';

const jobLogger = logger.child({ component: 'jobs' });

// graphile-worker's log, in ours; its per-job lines are debug detail.
const engineLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...meta };
  if (level === 'error') jobLogger.error(fields, message);
  else if (level === 'warning') jobLogger.warn(fields, message);
  else jobLogger.debug(fields, message);
});

const payloads = {
  dispatch_event: z.object({ eventId: z.uuid() }),
  deliver_webhook: z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1) }),
} satisfies Record<JobName, z.ZodType>;

const tasks = (db: Database): TaskList => ({
  dispatch_event: async (payload) => {
    await dispatchEvent(db, payloads.dispatch_event.parse(payload).eventId);
  },
  deliver_webhook: async (payload) => {
    const { deliveryId, attempt } = payloads.deliver_webhook.parse(payload);
    await deliverWebhook(db, deliveryId, attempt);
  },
});

export interface JobDatabase {
  url: string;
  /**
   * The embedded database is one Postgres session behind its socket: connections share it, so
   * they cannot each prepare the same named statement, and one worker slot is all it can use.
   */
  sharedSession: boolean;
}

/** What the job engine connects to: the database, or the embedded one's local socket. */
export function jobDatabase(database: DatabaseConfig, socketPort: number | null): JobDatabase | null {
  if (database.driver !== 'pglite') return { url: database.url, sharedSession: false };
  return socketPort ? { url: `postgres://postgres@127.0.0.1:${socketPort}/postgres`, sharedSession: true } : null;
}

/**
 * Works the registry's jobs (event dispatch, webhook deliveries) on graphile-worker. Any number of
 * runners may work one database at once: each job is locked by the one that takes it.
 */
export function startJobRunner(db: Database, target: JobDatabase, concurrency: number): Promise<Runner> {
  return run({
    connectionString: target.url,
    concurrency: target.sharedSession ? 1 : concurrency,
    noPreparedStatements: target.sharedSession,
    taskList: tasks(db),
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: engineLogger,
  });
}

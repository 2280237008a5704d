import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { AppError } from '../errors/app-error';

/** Answers only when the database does. */
export async function checkHealth(db: Database, driver: string) {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
  } catch {
    throw new AppError('UNAVAILABLE', 'The database is unreachable', { database: 'unreachable', driver });
  }
  return { status: 'ok' as const, database: 'ok' as const, driver, latencyMs: Math.round(performance.now() - started) };
}

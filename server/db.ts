import { type Connection, type Database, openDatabase } from '@/db/client';
import { config } from './config';
import { logger } from './observability/logger';

// The app's one connection (pool) per process. Kept on globalThis because Next.js may load this
// module once per bundle (route handlers, server components), and two PGlite instances on one
// directory corrupt it.
const globalForDb = globalThis as typeof globalThis & { __registryDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  globalForDb.__registryDb ??= openDatabase(config.database, {
    onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  return globalForDb.__registryDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

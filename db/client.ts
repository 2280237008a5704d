import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DatabaseConfig } from './config';
import { currentHolder, openPglite, servePglite, withServedPglite } from './embedded';
import { installJobQueue } from './job-queue';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
  db: Database;
  driver: DatabaseConfig['driver'];
  /** Applies the committed migrations; safe to run from several processes at once. */
  migrate(): Promise<void>;
  /** For the embedded database: serve it to other local commands; returns the port. */
  serve?(port: number): Promise<number>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db/migrations');
// A database that does not answer is reported (503) after this long, rather than requests
// waiting for it without end.
const CONNECT_TIMEOUT_MS = 5_000;
// Any constant works; it only has to be the same in every instance of the app.
const MIGRATION_LOCK_KEY = 727_146_001;

export interface OpenOptions {
  /**
   * Hears an idle connection the server dropped (a restart, or a pool closing as Postgres stops):
   * unheard, that report would end the process. The next query reconnects. Default: a warning
   * on stderr; the app passes its logger.
   */
  onIdleError?: (error: Error) => void;
}

const warnOnStderr = (error: Error) => console.warn(`idle database connection lost: ${error.message}`);

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Connection> {
  const onIdleError = options.onIdleError ?? warnOnStderr;
  if (config.driver === 'pglite') {
    const holder = currentHolder(config.dataDir);
    // Another process (the dev server) holds the files: reach it through its socket.
    if (holder?.port) return openNodePostgres(`postgres://postgres@127.0.0.1:${holder.port}/postgres`, 1, onIdleError);
    return openEmbedded(config.dataDir);
  }
  if (config.driver === 'neon') return openNeon(config.url, config.poolMax, onIdleError, config.migrationUrl, config.wsProxy);
  return openNodePostgres(config.url, config.poolMax, onIdleError, config.migrationUrl);
}

async function openEmbedded(dataDir: string): Promise<Connection> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await openPglite(dataDir);
  const db = drizzle({ client, schema });
  return {
    db,
    driver: 'pglite',
    migrate: async () => {
      await migrate(db, { migrationsFolder });
      await withServedPglite(client, installJobQueue);
    },
    serve: (port) => servePglite(client, dataDir, port),
    close: () => client.close(),
  };
}

async function openNodePostgres(url: string, poolMax: number, onIdleError: (error: Error) => void, migrationUrl?: string): Promise<Connection> {
  const { Pool } = await import('pg');
  type Session = import('pg').PoolClient;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const open = (connectionString: string, max: number) => new Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const pool = open(url, poolMax);
  pool.on('error', onIdleError);
  return {
    db: drizzle({ client: pool, schema }),
    driver: 'pg',
    migrate: () =>
      migrateWhenPending<Session>(pool, migrationUrl ? () => open(migrationUrl, 1) : null, async (session) => {
        await migrate(drizzle({ client: session, schema }), { migrationsFolder });
        await installJobQueue(migrationUrl ?? url);
      }),
    close: () => pool.end(),
  };
}

async function openNeon(url: string, poolMax: number, onIdleError: (error: Error) => void, migrationUrl?: string, wsProxy?: string): Promise<Connection> {
  const { Pool, neonConfig } = await import('@neondatabase/serverless');
  type Session = import('@neondatabase/serverless').PoolClient;
  const { drizzle } = await import('drizzle-orm/neon-serverless');
  const { migrate } = await import('drizzle-orm/neon-serverless/migrator');
  const { default: ws } = await import('ws');
  neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    neonConfig.wsProxy = (host, port) => `${wsProxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
  }
  const open = (connectionString: string, max: number) => new Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const pool = open(url, poolMax);
  pool.on('error', onIdleError);
  return {
    db: drizzle({ client: pool, schema }),
    driver: 'neon',
    migrate: () =>
      migrateWhenPending<Session>(pool, migrationUrl ? () => open(migrationUrl, 1) : null, async (session) => {
        await migrate(drizzle({ client: session, schema }), { migrationsFolder });
        // graphile-worker speaks the Postgres protocol itself, to the same database.
        await installJobQueue(migrationUrl ?? url);
      }),
    close: () => pool.end(),
  };
}

interface PoolLike<S> {
  connect(): Promise<S>;
  end(): Promise<void>;
}
interface SessionLike {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(): void;
}

/** Whether a committed migration is missing: drizzle applies those newer than the last it recorded. */
async function hasPendingMigrations<S extends SessionLike>(pool: PoolLike<S>): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  const session = await pool.connect();
  try {
    const { rows } = await session.query('select max(created_at)::text as last from drizzle.__drizzle_migrations', []);
    return Number(rows[0]?.last ?? 0) < newest;
  } catch {
    return true; // no migrations table yet
  } finally {
    session.release();
  }
}

const sqlStateOf = (error: unknown): unknown => {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ('code' in e) return (e as { code?: unknown }).code;
  }
  return undefined;
};

/**
 * Applies pending migrations, through the schema owner's pool when one is configured
 * (DATABASE_MIGRATION_URL). With nothing pending nothing is done, so an app role that may not
 * change the schema starts normally.
 */
async function migrateWhenPending<S extends SessionLike>(pool: PoolLike<S>, ownerPool: (() => PoolLike<S>) | null, run: (session: S) => Promise<void>) {
  if (!(await hasPendingMigrations(pool))) return;
  const migrator = ownerPool?.() ?? pool;
  try {
    await underMigrationLock(migrator, run);
  } catch (error) {
    if (sqlStateOf(error) !== '42501') throw error; // insufficient_privilege
    throw new Error(
      "Migrations are pending and DATABASE_URL's role may not apply them: run `npm run db:migrate` with DATABASE_MIGRATION_URL set to the schema owner's URL",
      { cause: error },
    );
  } finally {
    if (migrator !== pool) await migrator.end();
  }
}

/** Runs the migrations on one session holding an advisory lock, so concurrent starts wait in turn. */
async function underMigrationLock<S extends SessionLike>(pool: PoolLike<S>, run: (session: S) => Promise<void>) {
  const session = await pool.connect();
  try {
    await session.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await run(session);
  } finally {
    await session.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    session.release();
  }
}

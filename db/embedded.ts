import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

// PGlite lives in one process. The process holding a data directory records itself in
// `holder.json` there, with the port of the Postgres socket it serves the database on, so that
// other commands (token CLI, migrations) connect to it instead of opening the files twice.

export interface Holder {
  pid: number;
  port: number | null;
}

const holderFile = (dataDir: string) => path.join(dataDir, 'holder.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the data directory, if another one does. */
export function currentHolder(dataDir: string): Holder | null {
  const file = holderFile(dataDir);
  if (!existsSync(file)) return null;
  const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
  return holder.pid !== process.pid && isAlive(holder.pid) ? holder : null;
}

function recordHolder(dataDir: string, port: number | null): void {
  writeFileSync(holderFile(dataDir), JSON.stringify({ pid: process.pid, port } satisfies Holder));
}

function releaseHolder(dataDir: string): void {
  const file = holderFile(dataDir);
  if (!existsSync(file)) return;
  const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
  if (holder.pid === process.pid) rmSync(file);
}

export async function openPglite(dataDir: string): Promise<PGlite> {
  const holder = currentHolder(dataDir);
  if (holder) {
    throw new Error(
      `The embedded database in ${dataDir} is held by process ${holder.pid}` +
        (holder.port === null ? '; wait for it to finish.' : ` and served on port ${holder.port}.`),
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
  recordHolder(dataDir, null);
  process.once('exit', () => releaseHolder(dataDir));
  return pglite;
}

/** Serves the embedded database on a local Postgres socket for the project's other commands. */
export async function servePglite(pglite: PGlite, dataDir: string, port: number): Promise<number> {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 8 });
  await server.start();
  const address = server.getServerConn();
  const bound = Number(address.split(':').pop());
  recordHolder(dataDir, bound);
  return bound;
}

/** Runs `use` with the embedded database served on a passing local socket (for the job engine's migrations). */
export async function withServedPglite<T>(pglite: PGlite, use: (url: string) => Promise<T>): Promise<T> {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
  await server.start();
  try {
    return await use(`postgres://postgres@${server.getServerConn()}/postgres`);
  } finally {
    await server.stop();
  }
}

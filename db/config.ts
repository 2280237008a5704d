import path from 'node:path';
import { z } from 'zod';

// An empty variable counts as unset, as shells and .env files commonly leave them.
const optionalString = z.string().optional().transform((v) => v || undefined);

const databaseEnv = z.object({
  DATABASE_URL: optionalString,
  // The schema owner's URL, for applying migrations when the app's own role may not (see README
  // "Two database roles"); unset: migrations run as DATABASE_URL's role.
  DATABASE_MIGRATION_URL: optionalString,
  DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  PGLITE_SOCKET_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  // Only for reaching a local Postgres through a WebSocket relay (tests); Neon itself needs none.
  NEON_WS_PROXY: optionalString,
});

export type DatabaseConfig =
  | { driver: 'pglite'; dataDir: string; socketPort: number }
  | { driver: 'pg'; url: string; poolMax: number; migrationUrl?: string }
  | { driver: 'neon'; url: string; poolMax: number; migrationUrl?: string; wsProxy?: string };

const isNeonUrl = (url: string) => /\.neon\.tech([:/]|$)/.test(`${new URL(url).hostname}/`);

/** Which database this process talks to, decided by the environment alone. */
export function databaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const e = databaseEnv.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  if (!e.DATABASE_URL || e.DATABASE_DRIVER === 'pglite') {
    return { driver: 'pglite', dataDir, socketPort: e.PGLITE_SOCKET_PORT };
  }
  if (e.DATABASE_DRIVER === 'neon' || isNeonUrl(e.DATABASE_URL)) {
    return { driver: 'neon', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, migrationUrl: e.DATABASE_MIGRATION_URL, wsProxy: e.NEON_WS_PROXY };
  }
  return { driver: 'pg', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, migrationUrl: e.DATABASE_MIGRATION_URL };
}

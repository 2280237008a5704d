import { rmSync } from 'node:fs';
import { inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, openDatabase } from '../../db/client';
import { auditLog, modelVersions, models } from '../../db/schema';
import { verifyAuditChains } from '../../server/services/audit/verify';
import { registration, tokenFor } from '../helpers/fixtures';
import { startNextServer } from '../setup/next-server';
import { startPostgres } from '../setup/postgres';

// A Postgres server of this file's own, stopped for 4 s and started again while 8 clients call
// the app through every door that reads or writes the database.
let postgres: Awaited<ReturnType<typeof startPostgres>>;
let app: Awaited<ReturnType<typeof startNextServer>>;
let db: Connection;
let token: string;

beforeAll(async () => {
  postgres = await startPostgres({ restartable: true });
  const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
  await admin.connect();
  await admin.query('create database registry');
  await admin.end();
  const url = `${postgres.baseUrl}/registry`;
  db = await openDatabase({ driver: 'pg', url, poolMax: 2 });
  await db.migrate();
  token = await tokenFor(db.db, 'restart', { scopes: ['read', 'write', 'export'] });
  app = await startNextServer(
    { DATABASE_URL: url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_TOKEN_PER_MINUTE: '1000000' },
    `${process.cwd()}/.test-data/database-restart.log`,
  );
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await db?.close();
  await postgres?.server.stop();
  if (postgres) rmSync(postgres.databaseDir, { recursive: true, force: true });
});

interface Outcome {
  door: string;
  status: number;
  code?: string;
  retryAfter: string | null;
  name?: string;
}

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** One call through one door, chosen round-robin; registrations use a name of their own. */
async function call(n: number, url: string): Promise<Outcome> {
  const door = ['rest.register', 'rest.list', 'trpc.list', 'export', 'mcp'][n % 5]!;
  const name = `restart-${n}`;
  const request: Record<string, () => Promise<Response>> = {
    'rest.register': () => fetch(`${url}/api/v1/models`, { method: 'POST', headers: headers(), body: JSON.stringify(registration({ name })) }),
    'rest.list': () => fetch(`${url}/api/v1/models?limit=5`, { headers: headers() }),
    'trpc.list': () => fetch(`${url}/api/trpc/models.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`, { headers: headers() }),
    export: () => fetch(`${url}/api/v1/export/rag`, { headers: headers() }),
    mcp: () =>
      fetch(`${url}/api/mcp`, {
        method: 'POST',
        headers: { ...headers(), accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: n, method: 'tools/list' }),
      }),
  };
  const res = await request[door]!().catch(() => null);
  if (!res) return { door, status: 0, retryAfter: null };
  const text = await res.text().catch(() => '');
  // tRPC clients find the contract's error under error.data.error, everyone else under error.
  const error = res.status >= 400 ? JSON.parse(text).error : undefined;
  const code = (error?.data?.error ?? error)?.code as string | undefined;
  return { door, status: res.status, code, retryAfter: res.headers.get('retry-after'), name: door === 'rest.register' ? name : undefined };
}

describe('a database restart under load', () => {
  it('answers 503 UNAVAILABLE with Retry-After at every door while Postgres is down, then recovers with nothing half-written', async () => {
    const outcomes: Outcome[] = [];
    let n = 0;
    let running = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) outcomes.push(await call(n++, app.url));
    });
    await new Promise((r) => setTimeout(r, 1_000));
    await postgres.server.stop();
    const stoppedAt = outcomes.length;
    await new Promise((r) => setTimeout(r, 4_000));
    await postgres.server.start();
    await new Promise((r) => setTimeout(r, 3_000));
    const restartedAt = outcomes.length;
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(clients);

    const byStatus = Object.groupBy(outcomes, (o) => String(o.status));
    expect(Object.keys(byStatus).sort(), JSON.stringify(outcomes.filter((o) => ![200, 201, 503].includes(o.status)).slice(0, 5))).toEqual(['200', '201', '503']);
    for (const refused of byStatus['503']!) expect(refused).toMatchObject({ code: 'UNAVAILABLE', retryAfter: expect.stringMatching(/^\d+$/) });
    // Every door met the outage, and every door works again after it.
    for (const door of ['rest.register', 'rest.list', 'trpc.list', 'export', 'mcp']) {
      expect(outcomes.slice(stoppedAt, restartedAt).some((o) => o.door === door && o.status === 503), door).toBe(true);
      expect(outcomes.slice(restartedAt).some((o) => o.door === door && o.status < 300), door).toBe(true);
    }

    // What was confirmed is stored; what was refused either committed whole or not at all.
    const stored = new Set((await db.db.select({ name: models.name }).from(models)).map((m) => m.name));
    const registrations = outcomes.filter((o) => o.name);
    for (const r of registrations.filter((o) => o.status === 201)) expect(stored.has(r.name!), r.name).toBe(true);
    const [versions] = await db.db.select({ n: sql<number>`count(*)::int` }).from(modelVersions);
    const [registered] = await db.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(inArray(auditLog.action, ['model.created', 'version.registered']));
    expect(registered!.n).toBe(versions!.n);
    expect(versions!.n).toBe(stored.size);
    expect((await verifyAuditChains(db.db)).firstBroken).toBeNull();
  }, 60_000);
});

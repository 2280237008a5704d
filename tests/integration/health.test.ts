import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from '../helpers/database';
import { startNextServer } from '../setup/next-server';

// A server of its own, so that cutting its database off disturbs no other test.
let server: Awaited<ReturnType<typeof startNextServer>>;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const name = () => new URL(database.url).pathname.slice(1);

async function admin<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: `${inject('postgresUrl')}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await freshDatabase();
  await database.close();
  server = await startNextServer({ DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn' }, `${process.cwd()}/.test-data/health.log`);
});
afterAll(async () => {
  await server?.stop();
  await admin((c) => c.query(`alter database ${name()} allow_connections true`));
});

describe('GET /api/v1/health', () => {
  it('answers 200 while the database answers and 503 once it does not', async () => {
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);

    await admin(async (c) => {
      await c.query(`alter database ${name()} allow_connections false`);
      await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name()]);
    });
    const down = await fetch(`${server.url}/api/v1/health`);
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body.error).toMatchObject({ code: 'UNAVAILABLE', details: { database: 'unreachable' } });

    await admin((c) => c.query(`alter database ${name()} allow_connections true`));
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});

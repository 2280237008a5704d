import { count, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { auditDenials } from '../../server/services/audit/denials';
import { freshDatabase } from '../helpers/database';
import { tokenFor, uniqueSlug } from '../helpers/fixtures';
import { callServerAction } from '../helpers/server-action';
import { signInAs } from '../helpers/session';
import { startNextServer } from '../setup/next-server';

// A server of this file's own with small allowances, so that floods meet them.
const ANONYMOUS_LIMIT = 30;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: Awaited<ReturnType<typeof startNextServer>>;

beforeAll(async () => {
  database = await freshDatabase();
  server = await startNextServer(
    {
      DATABASE_URL: database.url,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_LIMIT),
      RATE_LIMIT_USER_PER_MINUTE: '3',
      RATE_LIMIT_TOKEN_PER_MINUTE: '3',
      ...inject('signInEnv'),
    },
    `${process.cwd()}/.test-data/abuse-limits.log`,
  );
});
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

const auditRows = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

/** Sends `total` requests, `concurrency` at a time, and counts their statuses. */
async function flood(total: number, concurrency: number, request: (i: number) => Promise<Response>) {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const res = await request(next++);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return Object.fromEntries(statuses);
}

describe('a flood of failed authentication from one address', () => {
  it('is answered 429 past the address allowance, and grows the audit trail by a bounded number of records', async () => {
    const before = await auditRows();
    const batch = Array.from({ length: 20 }, () => 'models.list').join(',');
    const doors = [
      () => fetch(`${server.url}/api/v1/models`, { headers: { authorization: `Bearer mlr_${crypto.randomUUID()}` } }),
      () => fetch(`${server.url}/api/v1/models`, { headers: { cookie: `next-auth.session-token=${crypto.randomUUID()}` } }),
      () => fetch(`${server.url}/api/trpc/${batch}?batch=1`, { headers: { authorization: 'Bearer made-up' } }),
      () => fetch(`${server.url}/api/auth/callback/oidc?error=x`, { redirect: 'manual' }),
    ];
    const statuses = await flood(2_000, 16, (i) => doors[i % doors.length]!());
    // Every request past the first ANONYMOUS_LIMIT is refused for its rate, whatever it claimed.
    expect(statuses[429]).toBeGreaterThanOrEqual(2_000 - ANONYMOUS_LIMIT);
    expect(Object.keys(statuses).every((s) => ['401', '302', '207', '429'].includes(s)), JSON.stringify(statuses)).toBe(true);
    expect(await auditRows()).toBe(before); // nothing reaches the audit trail during the minute

    // Once the minute is over: one record per operation and reason, carrying the count.
    await auditDenials(database.db, new Date(Date.now() + 60_000));
    const added = await database.db.select().from(auditLog).where(inArray(auditLog.action, ['access.denied', 'auth.sign_in_failed']));
    expect(added.length).toBeLessThanOrEqual(4 * 2); // about four groups, within at most two minutes
    // Every refused API request is counted, a batch of 20 calls once; a failed callback that
    // reached next-auth is counted under each error it reported.
    const denied = added.filter((r) => r.action === 'access.denied');
    expect(denied.reduce((sum, r) => sum + Number(r.summary.count), 0)).toBe(1_500);
    expect(added.some((r) => r.action === 'auth.sign_in_failed')).toBe(true);
    expect(added.every((r) => r.summary.clientAddress === '127.0.0.1')).toBe(true);
  }, 60_000);
});

describe('in-process callers', () => {
  it('take from the person\'s allowance for each server action', async () => {
    const team = uniqueSlug('actions');
    const cookie = await signInAs(database.db, uniqueSlug('actor'), [`mlreg-${team}-maintainer`]);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await callServerAction(server.url, '/tokens', 'createTokenAction', [{ name: '' }], cookie));
    expect(results.map((r) => r.result.error.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'RATE_LIMITED']);
    // The traceId a person sees is the request's correlation id, which the log lines carry.
    expect(results[3]!.result.error.traceId).toBe(results[3]!.correlationId);
  });

  it('take from the token\'s allowance for each MCP tool call, besides the request itself', async () => {
    const token = await tokenFor(database.db, uniqueSlug('mcp-limits'), { scopes: ['read'] });
    const callTool = (id: number) =>
      fetch(`${server.url}/api/mcp`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'list_recent_changes', arguments: {} } }),
      }).then(async (res) => ({ status: res.status, body: await res.json() }));
    // Allowance 3: the first call takes two (request and tool), the second's request the third.
    const first = await callTool(1);
    expect(first.body.result.isError).toBeUndefined();
    const second = await callTool(2);
    expect(second.status).toBe(200);
    expect(second.body.result.isError).toBe(true);
    expect(JSON.parse(second.body.result.content[0].text)).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

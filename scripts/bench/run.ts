// The scale benchmark (issue 6): bulk data on a real Postgres server, the built portal in front
// of it, every operation timed through HTTP and — the same SQL — directly on Postgres.
// First MLflow's workload on an empty registry (issue 17: requests/s and CPU per request).
// Usage: npm run build && npm run bench [-- --models 100000 --versions-per-model 10 --teams 50]
//        [--only api-cost|scale] [--cpu-prof <dir>]
import { benchSecret } from './secret';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { count, eq, isNull, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { models, modelVersions, teams } from '../../db/schema';
import { principalForUser } from '../../server/services/users/principal';
import { listModelsInput } from '../../server/schemas/model';
import { planRagExport } from '../../server/services/export/stream';
import { checkHealth } from '../../server/services/health';
import { getModel } from '../../server/services/models/get';
import { createToken } from '../../server/services/tokens/create';
import { listModels } from '../../server/services/models/list';
import { recordSignIn } from '../../server/services/users/sign-in';
import { getVersion } from '../../server/services/versions/get';
import { startNextServer } from '../../tests/setup/next-server';
import { releaseExitHooks, startPostgres } from '../../tests/setup/postgres';
import { seedBulk } from '../seed/bulk';
import { captureStatements, load, type LoadResult, type Percentiles, timeFirstByte, timeStatements } from './measure';
import { type Row, writeReport, writeSection } from './report';
import { apiCost, renderApiCost } from './api-cost';

// The issue's target for lists, one model and one version: p95 and its ratio to the raw query.
const LIST_TARGET = { p95: 25, ratio: 2 };

const options = new Command('bench')
  .option('--models <n>', 'models to seed', Number, 100_000)
  .option('--versions-per-model <n>', 'versions of each model', Number, 10)
  .option('--teams <n>', 'teams', Number, 50)
  .option('--requests <n>', 'requests per latency measurement', Number, 1_000)
  .option('--registrations <n>', 'registrations in the concurrent run', Number, 5_000)
  .addOption(new Option('--only <phase>', 'run one phase').choices(['api-cost', 'scale']))
  .option('--cpu-prof <dir>', "write the server's CPU profiles here (node --cpu-prof)")
  .parse()
  .opts<{ models: number; versionsPerModel: number; teams: number; requests: number; registrations: number; only?: 'api-cost' | 'scale'; cpuProf?: string }>();

const root = path.resolve(import.meta.dirname, '../..');
// The server's log goes beside the tests' (a fresh clone has no such folder until a test run).
const logDir = path.join(root, '.test-data');
mkdirSync(logDir, { recursive: true });
const log = (line: string) => console.log(`[bench] ${line}`);

const postgres = await startPostgres();
async function createDatabase(name: string) {
  const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return `${postgres.baseUrl}/${name}`;
}
const secret = benchSecret;
const serverEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  SEED_DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  OIDC_ISSUER: 'http://127.0.0.1:9/unused',
  OIDC_CLIENT_ID: 'bench',
  OIDC_CLIENT_SECRET: 'bench',
  NEXTAUTH_SECRET: secret,
  EXPORT_CURSOR_SECRET: secret,
  RATE_LIMIT_USER_PER_MINUTE: '100000000',
  RATE_LIMIT_TOKEN_PER_MINUTE: '100000000',
  ...(options.cpuProf ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(options.cpuProf)}` } : {}),
});

if (options.only !== 'scale') {
  const workloadUrl = await createDatabase('workload');
  const workload = await openDatabase({ driver: 'pg', url: workloadUrl, poolMax: 2 });
  await workload.migrate();
  const server = await startNextServer(serverEnv(workloadUrl), path.join(logDir, 'bench-api-cost.log'));
  try {
    const rows = await apiCost(workload.db, { url: server.url, serverPid: server.pid, postgresDataDirectory: postgres.databaseDir }, log);
    writeSection(path.join(root, 'BENCHMARKS.md'), '<!-- api-cost -->', renderApiCost(rows));
  } finally {
    await server.stop();
    await workload.close();
  }
}
if (options.only === 'api-cost') {
  await postgres.server.stop();
  releaseExitHooks();
  process.exit(0);
}

const url = await createDatabase('bench');

log(`seeding ${options.models.toLocaleString('en-US')} models × ${options.versionsPerModel} versions, ${options.teams} teams`);
const seeded = await seedBulk(url, { ...options, seed: 42 }, log);
log(`seeded in ${seeded.seconds.toFixed(0)} s`);

const connection = await openDatabase({ driver: 'pg', url, poolMax: 4 });
const db = connection.db;
const pool = new pg.Pool({ connectionString: url, max: 2 });
pool.on('error', (error) => log(`idle connection lost: ${error.message}`));
const rawClient = await pool.connect();

// The caller: a platform admin, who reads every team (the largest catalog there is).
const person = await recordSignIn(db, { subject: 'bench-admin', name: 'Bench Admin', email: null }, { isAdmin: true, memberships: [] }, 'bench');
const principal = (await principalForUser(db, person.id))!;
const actor = { principal, correlationId: 'bench' };
const session = await encode({ token: { sub: person.id, name: 'Bench Admin', sid: person.sessionId }, secret });
const headers = { cookie: `next-auth.session-token=${session}` };

const server = await startNextServer(serverEnv(url), path.join(logDir, 'bench.log'));

// Whatever happens, the server and Postgres started here stop with this process.
try {
  const samples = await db
    .select({ modelId: modelVersions.modelId, version: modelVersions.version, versionId: modelVersions.id, name: models.name, team: teams.slug })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, modelVersions.teamId))
    .where(isNull(modelVersions.deletedAt))
    .orderBy(sql`random()`)
    .limit(2_000);
  const pick = () => samples[Math.floor(Math.random() * samples.length)]!;

  const rows: Row[] = [];

  function expectOnly(result: LoadResult, status: number, label: string) {
    const others = Object.entries(result.statuses).filter(([s]) => Number(s) !== status);
    if (others.length) throw new Error(`${label}: unexpected statuses ${JSON.stringify(result.statuses)}`);
  }

  async function latency(label: string, target: Row['target'], next: () => string, raw: (d: typeof db) => Promise<unknown>) {
    log(label);
    const api = await load({ url: server.url, headers, connections: 1, amount: options.requests, next: () => ({ path: next() }) });
    expectOnly(api, 200, label);
    const statements = await captureStatements(pool, raw);
    const direct = await timeStatements(rawClient, statements, options.requests);
    rows.push({ label, target, api: api.latency, raw: direct });
  }

  const catalogInput = (query: Record<string, string>) =>
    listModelsInput.parse(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, ['limit', 'offset'].includes(k) ? Number(v) : v])));

  async function catalog(label: string, target: Row['target'], query: Record<string, string>) {
    await latency(label, target, () => `/api/v1/models?${new URLSearchParams(query)}`, (d) => listModels({ db: d, actor }, catalogInput(query)));
  }

  // What any request costs before its own work: routing, headers, session, one statement.
  await latency('floor: health check (one `select 1`)', undefined, () => '/api/v1/health', (d) => checkHealth(d, 'pg'));
  await catalog('catalog, first page, no filter', LIST_TARGET, { limit: '20' });
  await catalog('catalog, target + framework + tag', LIST_TARGET, { limit: '20', deploymentTarget: 'EKS', framework: 'pytorch', tag: 'gpu' });
  await catalog('text search `q=forecast`', { p95: 50 }, { limit: '20', q: 'forecast' });
  // The issue's offset, or the middle of a smaller catalog.
  const offset = Math.min(50_000, Math.floor(options.models / 2));
  await catalog(`catalog, offset ${offset.toLocaleString('en-US')}`, LIST_TARGET, { limit: '20', offset: String(offset) });
  const deep = (await (await fetch(`${server.url}/api/v1/models?limit=20&offset=${offset}`, { headers })).json()) as { nextCursor: string };
  await catalog(`catalog, deep page by cursor (after ${(offset + 20).toLocaleString('en-US')})`, LIST_TARGET, { limit: '20', cursor: deep.nextCursor });

  const first = samples[0]!;
  await latency('one model with all its versions', LIST_TARGET, () => `/api/v1/models/${pick().modelId}`, (d) =>
    getModel({ db: d, actor }, { modelId: first.modelId, order: 'chronological' }),
  );
  await latency('one version', LIST_TARGET, () => {
    const s = pick();
    return `/api/v1/models/${s.modelId}/${encodeURIComponent(s.version)}`;
  }, (d) => getVersion({ db: d, actor }, { modelId: first.modelId, version: first.version }));

  // The most requests per second the server answers at all, whatever they do.
  log('ceiling, 16 clients');
  const ceiling = await load({ url: server.url, headers, connections: 16, amount: options.registrations, next: () => ({ path: '/api/v1/health' }) });
  expectOnly(ceiling, 200, 'ceiling');

  // Registration: 16 clients, each request with its team's API token, as CI pipelines register;
  // every tenth request repeats a version that exists (must be a 409).
  log('registration, 16 clients');
  const teamRows = await db.select({ id: teams.id, slug: teams.slug }).from(teams);
  const teamSlugs = teamRows.map((t) => t.slug);
  const expiresAt = new Date(Date.now() + 86_400_000);
  const tokens = new Map<string, string>();
  for (const team of teamRows) {
    const { token } = await createToken(db, { name: 'bench', teamId: team.id, role: 'contributor', scopes: ['read', 'write'], expiresAt, createdBy: null });
    tokens.set(team.slug, token);
  }
  const countVersions = async () => (await db.select({ n: count() }).from(modelVersions))[0]!.n;
  const before = await countVersions();
  let sent = 0;
  const registration = load({
    url: server.url,
    headers: {},
    connections: 16,
    amount: options.registrations,
    next: () => {
      const k = ++sent;
      const existing = pick();
      const [team, name, version] =
        k % 10 === 0
          ? [existing.team, existing.name, existing.version]
          : k % 2 === 0
            ? [existing.team, existing.name, `1000.${k}.0`]
            : [teamSlugs[k % teamSlugs.length]!, `bench-new-${k}`, '1.0.0'];
      const body = {
        team, name, version, framework: 'xgboost', artifactUri: `s3://ml-models/bench/${name}/${version}/model.tar.gz`,
        deploymentTarget: 'LAMBDA', deploymentConfig: { memoryMb: 1024, timeoutSeconds: 30 }, tags: ['bench'], metrics: { auc: 0.9 },
      };
      return { method: 'POST', path: '/api/v1/models', body: JSON.stringify(body), headers: { authorization: `Bearer ${tokens.get(team)}` } };
    },
  });
  const registered = await registration;
  const created = registered.statuses[201] ?? 0;
  const conflicts = registered.statuses[409] ?? 0;
  const added = (await countVersions()) - before;
  if (created + conflicts !== options.registrations || conflicts !== Math.floor(options.registrations / 10) || added !== created) {
    throw new Error(`registration lost or duplicated data: ${JSON.stringify(registered.statuses)}, ${added} rows added`);
  }
  const registrationRate = created / registered.seconds;

  // Full export: documents per second, and how much the server grows while streaming them.
  log('RAG export, every version');
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const rssBefore = rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 100);
  const exportStarted = performance.now();
  const exported = await fetch(`${server.url}/api/v1/export/rag`, { headers });
  let lines = 0;
  for await (const chunk of exported.body!) {
    for (let i = (chunk as Uint8Array).indexOf(10); i !== -1; i = (chunk as Uint8Array).indexOf(10, i + 1)) lines++;
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(sampler);
  const documents = lines - 1;
  const cursor = exported.headers.get('x-export-cursor')!;

  // Incremental export after 1,000 changes to distinct versions.
  log('incremental export after 1,000 changes');
  const changed = samples.slice(0, 1_000);
  let change = 0;
  const updates = await load({
    url: server.url,
    headers,
    connections: 8,
    amount: changed.length,
    next: () => {
      const s = changed[change++ % changed.length]!;
      return { method: 'PUT', path: `/api/v1/models/${s.modelId}/${encodeURIComponent(s.version)}`, body: JSON.stringify({ description: `changed ${change}` }) };
    },
  });
  expectOnly(updates, 200, 'updates');
  const incremental = await load({ url: server.url, headers, connections: 1, amount: 50, next: () => ({ path: `/api/v1/export/rag?since=${encodeURIComponent(cursor)}` }) });
  expectOnly(incremental, 200, 'incremental export');
  const incrementalLines = (await (await fetch(`${server.url}/api/v1/export/rag?since=${encodeURIComponent(cursor)}`, { headers })).text()).trim().split('\n').length - 1;
  const incrementalStatements = await captureStatements(pool, async (d) => {
    const plan = await planRagExport({ db: d, actor }, { since: cursor });
    for await (const _ of plan.batches);
  });
  rows.push({ label: `incremental export after 1,000 changes (${incrementalLines} documents)`, target: { p95: 200 }, api: incremental.latency, raw: await timeStatements(rawClient, incrementalStatements, 50) });

  log('portal catalog page');
  const page = await timeFirstByte(`${server.url}/models`, headers, 200, '<table');
  const filteredPage = await timeFirstByte(`${server.url}/models?deploymentTarget=LAMBDA&tag=realtime&q=risk`, headers, 200, '<table');

  const totals = await db.select({ n: count() }).from(modelVersions);
  writeReport(path.join(root, 'BENCHMARKS.md'), {
    options,
    seededSeconds: seeded.seconds,
    versions: totals[0]!.n,
    rows,
    ceiling: { rate: options.registrations / ceiling.seconds, latency: ceiling.latency },
    registration: { rate: registrationRate, created, conflicts, seconds: registered.seconds, latency: registered.latency },
    export: { documents, seconds: exportSeconds, rssBefore, rssPeak },
    page: [
      ['portal catalog page `/models` (admin: all teams)', page],
      ['portal catalog page, filtered and searched', filteredPage],
    ] as [string, { firstByte: Percentiles; complete: Percentiles }][],
  });
} finally {
  rawClient.release();
  await pool.end();
  await server.stop();
  await connection.close();
  await postgres.server.stop();
  releaseExitHooks();
}

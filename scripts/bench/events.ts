// Events and webhooks (issue 14): how fast the worker delivers events to a local receiver, and
// what the transactional outbox adds to a registration.
// Usage: npm run build && npm run bench:events [-- --registrations 3000]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { ensureTeam } from '../../server/services/teams/find';
import { createToken } from '../../server/services/tokens/create';
import { startNextServer } from '../../tests/setup/next-server';
import { freePort, releaseExitHooks, startPostgres } from '../../tests/setup/postgres';
import { load } from './measure';

const options = new Command('bench:events')
  .option('--registrations <n>', 'registrations per run', Number, 3_000)
  .option('--clients <n>', 'concurrent clients', Number, 8)
  .parse()
  .opts<{ registrations: number; clients: number }>();
const log = (line: string) => console.log(`[bench:events] ${line}`);

const postgres = await startPostgres();
const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
await admin.connect();
await admin.query('create database events');
await admin.end();
const url = `${postgres.baseUrl}/events`;
const connection = await openDatabase({ driver: 'pg', url, poolMax: 4 });
await connection.migrate();
const db = connection.db;

// A receiver as a team runs one: it answers 200 and counts distinct webhook-ids.
const seen = new Set<string>();
let lastAt = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    seen.add(String(req.headers['webhook-id']));
    lastAt = performance.now();
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const { team } = await ensureTeam(db, 'bench');
const { token } = await createToken(db, { name: 'bench', teamId: team.id, role: 'contributor', scopes: ['read', 'write'], expiresAt: new Date(Date.now() + 86_400_000), createdBy: null });
const { token: maintainer } = await createToken(db, { name: 'bench-admin', teamId: team.id, role: 'maintainer', scopes: ['read', 'write'], expiresAt: new Date(Date.now() + 86_400_000), createdBy: null });
const env = { DATABASE_URL: url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', OIDC_ISSUER: 'http://127.0.0.1:9/unused', OIDC_CLIENT_ID: 'b', OIDC_CLIENT_SECRET: 'b', NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret', RATE_LIMIT_TOKEN_PER_MINUTE: '100000000', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };

let run = 0;
async function register(serverUrl: string) {
  run++;
  let k = 0;
  const result = await load({
    url: serverUrl,
    headers: { authorization: `Bearer ${token}` },
    connections: options.clients,
    amount: options.registrations,
    next: () => {
      const n = ++k;
      const body = { team: 'bench', name: `events-${run}-${n % 200}`, version: `1.${n}.0`, framework: 'xgboost', artifactUri: `s3://ml-models/bench/${n}.tar.gz`, deploymentTarget: 'LAMBDA', deploymentConfig: { memoryMb: 1024, timeoutSeconds: 30 } };
      return { method: 'POST', path: '/api/v1/models', body: JSON.stringify(body) };
    },
  });
  if (result.statuses[201] !== options.registrations) throw new Error(`registrations failed: ${JSON.stringify(result.statuses)}`);
  return { rate: options.registrations / result.seconds, p95: result.latency.p95 };
}

async function drained(expected: number, since: number) {
  while (seen.size < expected) await new Promise((r) => setTimeout(r, 20));
  return (lastAt - since) / 1000;
}

const rows: string[] = [];

// 1. Registrations with no subscriber and no worker: the outbox rows and their jobs are written, nothing else runs.
log('registrations, no subscriber, worker apart (not running)');
const quiet = await startNextServer({ ...env, WORKER_IN_PROCESS: 'false' }, '/tmp/bench-events-app.log', await freePort());
const plain = await register(quiet.url);
rows.push(`| registration, ${options.clients} clients, outbox written, no worker running | ${plain.rate.toFixed(0)} /s | p95 ${plain.p95.toFixed(1)} ms |`);

// 2. Postgres time of the outbox's two statements inside a registration's transaction.
const raw = new pg.Client({ connectionString: url });
await raw.connect();
const samples: number[] = [];
for (let i = 0; i < 1_020; i++) {
  await raw.query('begin');
  const started = performance.now();
  await raw.query(`insert into events (id, team_id, type, payload, correlation_id) values (gen_random_uuid(), $1, 'version.registered', $2, 'bench') returning id`, [team.id, JSON.stringify({ type: 'version.registered', timestamp: new Date().toISOString(), data: { model: 'm', version: '1.0.0' } })]);
  await raw.query(`select graphile_worker.add_job('dispatch_event', json_build_object('eventId', gen_random_uuid()), run_at := null::timestamptz)`);
  if (i >= 20) samples.push(performance.now() - started);
  await raw.query('rollback');
}
samples.sort((a, b) => a - b);
rows.push(`| Postgres time the outbox adds to one registration (event row + its job, in the transaction) | p50 ${samples[500]!.toFixed(2)} ms | p95 ${samples[950]!.toFixed(2)} ms |`);
await raw.end();
await quiet.stop();

// 3. Delivery rate: a subscription to every event, a backlog of registrations, then one worker process drains it.
const backlogServer = await startNextServer({ ...env, WORKER_IN_PROCESS: 'false' }, '/tmp/bench-events-app.log', await freePort());
const subscribed = await fetch(`${backlogServer.url}/api/v1/webhooks`, {
  method: 'POST',
  headers: { authorization: `Bearer ${maintainer}`, 'content-type': 'application/json' },
  body: JSON.stringify({ team: 'bench', url: receiverUrl, eventTypes: [] }),
});
if (subscribed.status !== 201) throw new Error(`webhook: ${subscribed.status} ${await subscribed.text()}`);
// Run 1's events were not dispatched yet (no worker ran): they reach the new subscriber too.
const queued = await register(backlogServer.url);
rows.push(`| registration, ${options.clients} clients, subscribed, delivery queued (worker apart) | ${queued.rate.toFixed(0)} /s | p95 ${queued.p95.toFixed(1)} ms |`);
await backlogServer.stop();
const backlog = 2 * options.registrations;
log(`one worker (concurrency 8) drains ${backlog} events`);
const drainStarted = performance.now();
const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { env: { ...process.env, ...env, WORKER_CONCURRENCY: '8' }, stdio: 'ignore' });
const drainSeconds = await drained(backlog, drainStarted);
rows.push(`| events delivered by one \`npm run worker\` (concurrency 8), backlog of ${backlog} | ${(backlog / drainSeconds).toFixed(0)} /s | ${drainSeconds.toFixed(1)} s (dispatch + signed POST + log) |`);
worker.kill('SIGTERM');

// 4. Everything in one server: registrations while its own worker delivers them.
const together = await startNextServer({ ...env, WORKER_IN_PROCESS: 'true', WORKER_CONCURRENCY: '4' }, '/tmp/bench-events-app.log', await freePort());
const started = performance.now();
const live = await register(together.url);
const registrationsDone = performance.now();
const liveSeconds = await drained(backlog + options.registrations, started);
const lag = Math.max(0, (lastAt - registrationsDone) / 1000);
rows.push(`| registration, ${options.clients} clients, delivered by the server's own worker meanwhile | ${live.rate.toFixed(0)} /s | p95 ${live.p95.toFixed(1)} ms; every event delivered ${lag.toFixed(1)} s after the last registration answered (${(options.registrations / liveSeconds).toFixed(0)} deliveries/s) |`);
await together.stop();

const { rows: [{ n }] } = await connection.db.execute<{ n: number }>(sql`select count(*)::int as n from webhook_deliveries where status = 'succeeded'`) as unknown as { rows: [{ n: number }] };
log(`deliveries succeeded: ${n}, distinct webhook-ids received: ${seen.size}`);
console.log(['| run | figure | detail |', '| --- | ---: | --- |', ...rows].join('\n'));
receiver.close();
await connection.close();
await postgres.server.stop();
releaseExitHooks();

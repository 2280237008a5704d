import type { Database } from '../../db/client';
import { ensureTeam } from '../../server/services/teams/find';
import { createToken } from '../../server/services/tokens/create';
import { postgresCpuSeconds, processCpuSeconds } from './cpu';
import { type LoadResult, load, type Request } from './measure';

// MLflow's workload (issue 17), as measured against MLflow 2.12.2's own server on this machine:
// 2,000 models × 3 versions in one team, registered by 8 concurrent clients, then 10-second closed
// loops of reads at 8 clients. The MLflow figures are the issue's measurements, not this run's.

const MODELS = 2_000;
const VERSIONS = 3;
const CLIENTS = 8;
const LOOP_SECONDS = 10;

export interface CostRow {
  label: string;
  rate: number;
  p50: number;
  p95: number;
  /** CPU milliseconds per request: the server process, and Postgres (all its processes). */
  serverMs: number;
  postgresMs: number;
  mlflow?: number;
  /** The issue's target: a rate (requests/s) and/or server CPU per request (ms). */
  target?: { rate?: number; serverMs?: number };
}

interface Processes {
  url: string;
  serverPid: number;
  postgresDataDirectory: string;
}

/** A load run with the CPU the server and Postgres spent on it, per request. */
async function measured(p: Processes, label: string, run: () => Promise<LoadResult>, expected: number, extra: Partial<CostRow>): Promise<CostRow> {
  const server = processCpuSeconds(p.serverPid);
  const postgres = postgresCpuSeconds(p.postgresDataDirectory);
  const result = await run();
  const requests = Object.values(result.statuses).reduce((a, b) => a + b, 0);
  const others = Object.keys(result.statuses).filter((status) => Number(status) !== expected);
  if (others.length) throw new Error(`${label}: unexpected statuses ${JSON.stringify(result.statuses)}`);
  return {
    label,
    rate: requests / result.seconds,
    p50: result.latency.p50,
    p95: result.latency.p95,
    serverMs: ((processCpuSeconds(p.serverPid) - server) * 1000) / requests,
    postgresMs: ((postgresCpuSeconds(p.postgresDataDirectory) - postgres) * 1000) / requests,
    ...extra,
  };
}

export async function apiCost(db: Database, p: Processes, log: (line: string) => void): Promise<CostRow[]> {
  const { team } = await ensureTeam(db, 'mlflow-workload');
  const expiresAt = new Date(Date.now() + 86_400_000);
  const { token } = await createToken(db, { name: 'bench', teamId: team.id, role: 'contributor', scopes: ['read', 'write'], expiresAt, createdBy: null });
  const headers = { authorization: `Bearer ${token}` };
  const name = (m: number) => `workload-${String(m).padStart(4, '0')}`;
  const rows: CostRow[] = [];

  log(`API cost: registering ${MODELS} × ${VERSIONS} versions, ${CLIENTS} clients`);
  let sent = 0;
  rows.push(
    await measured(p, `registration, ${CLIENTS} clients`, () =>
      load({
        url: p.url,
        headers,
        connections: CLIENTS,
        amount: MODELS * VERSIONS,
        next: (): Request => {
          const k = sent++;
          const m = k % MODELS;
          const body = {
            name: name(m), version: `1.${Math.floor(k / MODELS)}.0`, framework: 'xgboost', artifactUri: `s3://ml-models/workload/${name(m)}/${k}/model.tar.gz`,
            deploymentTarget: 'LAMBDA', deploymentConfig: { memoryMb: 1024, timeoutSeconds: 30 }, tags: [`shard-${m % 10}`], metrics: { auc: 0.9 },
          };
          return { method: 'POST', path: '/api/v1/models', body: JSON.stringify(body) };
        },
      }), 201, { mlflow: 268, target: { rate: 540, serverMs: 2.5 } }),
  );

  const list = (await (await fetch(`${p.url}/api/v1/models?team=${team.slug}&limit=100`, { headers })).json()) as { items: { id: string; name: string }[] };
  const ids = list.items.map((m) => m.id);
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  const loop = (label: string, next: () => string, extra: Partial<CostRow>) => {
    log(`API cost: ${label}`);
    return measured(p, label, () => load({ url: p.url, headers, connections: CLIENTS, seconds: LOOP_SECONDS, next: () => ({ path: next() }) }), 200, extra);
  };
  rows.push(await loop('health check', () => '/api/v1/health', { target: { serverMs: 0.3 } }));
  rows.push(await loop('one model by team and name', () => `/api/v1/teams/${team.slug}/models/${name(Math.floor(Math.random() * MODELS))}`, { mlflow: 282, target: { rate: 850, serverMs: 1 } }));
  rows.push(await loop('one model with its versions', () => `/api/v1/models/${pick(ids)}`, { mlflow: 291, target: { rate: 850, serverMs: 1 } }));
  rows.push(await loop('one version', () => `/api/v1/models/${pick(ids)}/1.1.0`, { target: { rate: 850, serverMs: 1 } }));
  rows.push(await loop('first page of 50', () => `/api/v1/models?team=${team.slug}&limit=50`, { mlflow: 17, target: { rate: 500 } }));
  rows.push(await loop('page of 50 filtered by tag', () => `/api/v1/models?team=${team.slug}&limit=50&tag=shard-${Math.floor(Math.random() * 10)}`, { mlflow: 16, target: { rate: 500 } }));
  return rows;
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderApiCost(rows: CostRow[]): string {
  return [
    `### Cost per request: MLflow's workload — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `One team, ${MODELS.toLocaleString('en-US')} models × ${VERSIONS} versions registered by ${CLIENTS} concurrent clients ` +
      `with an API token, then ${LOOP_SECONDS}-second closed loops at ${CLIENTS} clients (autocannon, on the same 2 cores). CPU per ` +
      'request from `/proc` (server process; Postgres: all its processes). MLflow: 2.12.2\'s own server (4 gunicorn workers) ' +
      'on Postgres 15, measured on this machine for issue 17 (not re-run: its Python packages cannot be installed here).',
    '',
    '| request | ours /s | p50 ms | p95 ms | server CPU ms | Postgres CPU ms | MLflow /s | ours / MLflow | target | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map((r) => {
      const targets = [r.target?.rate && `≥ ${r.target.rate}/s`, r.target?.serverMs && `CPU ≤ ${r.target.serverMs} ms`].filter(Boolean).join(', ');
      const met = (!r.target?.rate || r.rate >= r.target.rate) && (!r.target?.serverMs || r.serverMs <= r.target.serverMs);
      return (
        `| ${r.label} | ${Math.round(r.rate)} | ${fixed(r.p50)} | ${fixed(r.p95)} | ${fixed(r.serverMs, 2)} | ${fixed(r.postgresMs, 2)} | ` +
        `${r.mlflow ?? '—'} | ${r.mlflow ? `${fixed(r.rate / r.mlflow)}×` : '—'} | ${targets || '—'} | ${targets ? verdict(met) : ''} |`
      );
    }),
    '',
  ].join('\n');
}

import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database } from '../../db/client';
import * as schema from '../../db/schema';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), count: sorted.length };
}

export interface Request {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  /** Added to the run's headers for this request only. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  latency: Percentiles;
  statuses: Record<number, number>;
  seconds: number;
}

/**
 * `amount` requests (or as many as `seconds` allow: a closed loop) through autocannon over
 * `connections` keep-alive connections, each request made by `next()`; every response's latency
 * and status is kept.
 */
export async function load(options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  amount?: number;
  seconds?: number;
  next: () => Request;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.seconds ? { duration: options.seconds } : { amount: options.amount }),
        headers: { 'content-type': 'application/json', ...options.headers },
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const { headers, ...next } = options.next();
              return { ...request, ...next, headers: { ...request.headers, ...headers } };
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  return { latency: percentiles(latencies), statuses, seconds: (performance.now() - started) / 1000 };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The SQL statements a service function sends, recorded by Drizzle's query logger. */
export async function captureStatements(pool: pg.Pool, run: (db: Database) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const db = drizzle({ client: pool, schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } });
  await run(db as unknown as Database);
  return statements;
}

/** Runs the statements in order on one connection, `runs` times: the query cost without the app. */
export async function timeStatements(client: pg.PoolClient, statements: Statement[], runs: number): Promise<Percentiles> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    for (const s of statements) await client.query(s.sql, s.params as unknown[]);
    if (i >= 20) samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Sequential GETs: time to the first byte and to the complete answer. */
export async function timeFirstByte(url: string, headers: Record<string, string>, runs: number, mustContain: string) {
  const firstByte: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: 'manual' });
    const reader = response.body!.getReader();
    let chunk = await reader.read();
    const ttfb = performance.now() - started;
    let text = '';
    const decoder = new TextDecoder();
    for (; !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    if (response.status !== 200 || !text.includes(mustContain)) throw new Error(`${url} answered ${response.status} without "${mustContain}"`);
    if (i >= 10) {
      firstByte.push(ttfb);
      complete.push(performance.now() - started);
    }
  }
  return { firstByte: percentiles(firstByte), complete: percentiles(complete) };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/database';
import { tokenFor } from '../helpers/fixtures';
import { startNextServer } from '../setup/next-server';

// Two instances of the app on one database with small limits, as behind a load balancer.
let database: Awaited<ReturnType<typeof freshDatabase>>;
let servers: Awaited<ReturnType<typeof startNextServer>>[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  const env = {
    DATABASE_URL: database.url,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_TOKEN_PER_MINUTE: '6',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4',
  };
  servers = await Promise.all([
    startNextServer(env, `${process.cwd()}/.test-data/limits-a.log`),
    startNextServer(env, `${process.cwd()}/.test-data/limits-b.log`),
  ]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database.close();
});

describe('rate limits', () => {
  it('share one allowance per token across instances, then answer 429 with Retry-After and RateLimit headers', async () => {
    const token = await tokenFor(database.db, 'limited', { scopes: ['read'] });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await fetch(`${servers[i % 2]!.url}/api/v1/models`, { headers: { authorization: `Bearer ${token}` } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-limit')).toBe('6');
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    const body = await last!.json();
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', traceId: last!.headers.get('x-correlation-id') });

    const other = await tokenFor(database.db, 'limited', { scopes: ['read'] });
    expect((await fetch(`${servers[0]!.url}/api/v1/models`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });

  it('limit callers without identity by address, on tRPC too', async () => {
    // The start-up health checks of both servers already used part of this address's allowance of 4.
    const responses: Response[] = [];
    for (let i = 0; i < 6; i++) responses.push(await fetch(`${servers[i % 2]!.url}/api/trpc/system.health`));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(4);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(Array(statuses.length - statuses.indexOf(429)).fill(429));
    expect(responses.at(-1)!.headers.get('retry-after')).toBeTruthy();
  });
});

describe('security headers', () => {
  it('come with every page: a CSP whose nonce is on the scripts, and the rest', async () => {
    const res = await fetch(`${servers[0]!.url}/signin`);
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('come with API answers too, whose policy lets a JSON answer load and frame nothing', async () => {
    for (const path of ['/api/v1/health', '/api/trpc/system.health', '/api/v1/no-such-thing']) {
      const res = await fetch(`${servers[0]!.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toContain('max-age=');
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-correlation-id'), path).toBeTruthy();
    }
  });

  it('refuse a request for another host (DNS rebinding)', async () => {
    const port = new URL(servers[0]!.url).port;
    const res = await fetch(`http://localhost:${port}/api/v1/health`);
    expect(res.status).toBe(421);
  });
});

describe('request caps', () => {
  it('refuse a tRPC batch of more than 20 calls', async () => {
    const token = await tokenFor(database.db, 'batcher', { scopes: ['read'] });
    const paths = Array.from({ length: 21 }, () => 'system.health').join(',');
    const res = await fetch(`${servers[1]!.url}/api/trpc/${paths}?batch=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
  });
});

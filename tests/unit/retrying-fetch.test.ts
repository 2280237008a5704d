import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryingFetch } from '../../packages/client/src/retrying-fetch';

// A server that answers each path with a scripted series of statuses, recording when it was asked.
let server: Server;
let url: string;
const scripts = new Map<string, { statuses: number[]; retryAfter?: string; times: number[] }>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const script = scripts.get(req.url!)!;
    script.times.push(Date.now());
    const status = script.statuses.shift() ?? 200;
    if (status !== 200 && script.retryAfter) res.setHeader('retry-after', script.retryAfter);
    res.writeHead(status).end(String(status));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('retryingFetch', () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    scripts.set('/limited', { statuses: [429], retryAfter: '1', times: [] });
    const response = await retryingFetch()(`${url}/limited`);
    expect(response.status).toBe(200);
    const [first, second] = scripts.get('/limited')!.times;
    expect(second! - first!).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 503 without Retry-After, and gives up after maxRetries', async () => {
    scripts.set('/down', { statuses: [503, 503, 503, 503], times: [] });
    const retries: number[] = [];
    const response = await retryingFetch({ maxRetries: 2, onRetry: ({ status }) => retries.push(status) })(`${url}/down`);
    expect(response.status).toBe(503);
    expect(retries).toEqual([503, 503]);
    expect(scripts.get('/down')!.times).toHaveLength(3);
  });

  it('does not retry other errors', async () => {
    scripts.set('/bad', { statuses: [400], times: [] });
    expect((await retryingFetch()(`${url}/bad`)).status).toBe(400);
    expect(scripts.get('/bad')!.times).toHaveLength(1);
  });
});

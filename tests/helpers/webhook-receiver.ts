import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the event as sent
  event: any;
  at: number;
}

type Answer = { status: number; headers?: Record<string, string>; body?: string };

/**
 * A webhook endpoint on 127.0.0.1, as a team would run one: it records every request and answers
 * what `respond` says (200 by default).
 */
export async function startReceiver(respond: (request: Received, attemptOfId: number) => Answer = () => ({ status: 200 })) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = { id: String(req.headers['webhook-id']), headers: req.headers, body, event: body ? JSON.parse(body) : null, at: Date.now() };
      received.push(request);
      const answer = respond(request, received.filter((r) => r.id === request.id).length);
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The distinct events received (deduplicated by webhook-id, as a receiver must). */
    unique: () => [...new Map(received.map((r) => [r.id, r])).values()],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Whether the request carries a valid Standard Webhooks signature by this secret. */
export function verifies(secret: string, request: Received): boolean {
  try {
    new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `check` holds, polling; fails with `what` after the time limit. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

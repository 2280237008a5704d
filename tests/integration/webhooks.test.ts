import { type ChildProcess, spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { events, teams, webhookDeliveries } from '../../db/schema';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { type Received, eventually, startReceiver, verifies } from '../helpers/webhook-receiver';

let db: Connection;
let team: string;
let contributor: string;
let maintainer: string;
let counter = 0;
const receivers: { close(): Promise<void> }[] = [];

const post = (path: string, token: string, body?: unknown) => api(path, { method: 'POST', token, body });
const register = (name: string, version = '1.0.0', token = contributor) => post('/api/v1/models', token, registration({ name, team, version }));

async function subscribe(url: string, eventTypes: string[] = ['version.registered'], token = maintainer) {
  const res = await post('/api/v1/webhooks', token, { url, eventTypes, description: 'test receiver' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.webhook.id as string, secret: res.body.secret as string };
}

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const deliveries = async (webhookId: string) => (await api(`/api/v1/webhooks/${webhookId}/deliveries?limit=100`, { token: maintainer })).body;

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('hooks');
  contributor = await tokenFor(db.db, team);
  maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.close();
});

describe('subscriptions', () => {
  it('shows the secret once, needs a maintainer, and never answers the secret again', async () => {
    const r = await receiver();
    const { id, secret } = await subscribe(r.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const read = await api(`/api/v1/webhooks/${id}`, { token: maintainer });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(secret.slice(6));
    expect(read.body).toMatchObject({ team, url: r.url, eventTypes: ['version.registered'], enabled: true });
    expect((await post('/api/v1/webhooks', contributor, { url: r.url })).status).toBe(403);
    const stranger = await tokenFor(db.db, uniqueSlug('other'), { role: 'maintainer' });
    expect((await api(`/api/v1/webhooks/${id}`, { token: stranger })).status).toBe(404);
    const unknownType = await post('/api/v1/webhooks', maintainer, { url: r.url, eventTypes: ['model.exploded'] });
    expect(unknownType.status).toBe(400);
    expect(Object.keys(unknownType.body.error.details.fieldErrors)).toEqual(['eventTypes.0']);
  });

  it('refuses destinations that are not https or that name a private, loopback, link-local or unique-local address', async () => {
    const refused = {
      'http://example.com/hook': 'must use https',
      'https://10.1.2.3/hook': 'private',
      'https://169.254.169.254/latest/meta-data': 'linkLocal',
      'https://[::1]/hook': 'loopback',
      'https://[::ffff:127.0.0.1]/hook': 'loopback',
      'https://[::ffff:a9fe:a9fe]/hook': 'linkLocal',
      'https://[fd00:ec2::254]/hook': 'uniqueLocal',
      'https://0.0.0.0/hook': 'unspecified',
      'https://2852039166/latest/meta-data': 'linkLocal', // 169.254.169.254 written as a number
      'https://user:pass@example.com/hook': 'credentials',
    };
    for (const [url, why] of Object.entries(refused)) {
      const res = await post('/api/v1/webhooks', maintainer, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details.fieldErrors.url[0], url).toContain(why);
    }
  });
});

describe('delivery', () => {
  it('delivers every event, signed, to a receiver that fails a third of first attempts; retries keep the webhook-id', async () => {
    const r = await receiver((request, attempt) => (attempt === 1 && Number.parseInt(request.id.slice(-2), 16) % 3 === 0 ? { status: 503 } : { status: 200 }));
    const { id, secret } = await subscribe(r.url);
    const name = `hooked-${++counter}`;
    const versions = Array.from({ length: 12 }, (_, i) => `1.${i}.0`);
    for (const version of versions) expect((await register(name, version)).status).toBe(201);
    // Done when the log shows every delivery succeeded (a failed first attempt also reaches the receiver).
    const log = await eventually(async () => {
      const d = await deliveries(id);
      return d.length === 12 && d.every((x: { status: string }) => x.status === 'succeeded') && d;
    }, 'every delivery to succeed');
    const mine = r.unique().filter((u) => u.event.data.model === name);
    expect(mine.map((u) => u.event.data.version).sort()).toEqual([...versions].sort());
    for (const request of r.received) expect(verifies(secret, request)).toBe(true);
    expect(mine[0]!.event).toMatchObject({ type: 'version.registered', data: { teamId: expect.any(String), modelId: expect.any(String), framework: 'xgboost' } });
    const retriedIds = new Set(r.received.filter((x) => r.received.filter((y) => y.id === x.id).length > 1).map((x) => x.id));
    expect(retriedIds.size).toBeGreaterThan(0); // some first attempts failed, and were tried again with the same id
    const twice = log.filter((d: { attempts: unknown[] }) => d.attempts.length === 2);
    expect(twice.length).toBe(retriedIds.size);
    expect(twice[0].attempts[0]).toMatchObject({ statusCode: 503, responseExcerpt: 'ok' });
  });

  it('announces nothing that did not commit: a refused registration sends no event', async () => {
    const r = await receiver();
    await subscribe(r.url);
    const name = `dup-${++counter}`;
    expect((await register(name)).status).toBe(201);
    expect((await register(name)).status).toBe(409);
    await eventually(() => r.unique().some((u) => u.event.data.model === name), 'the first registration');
    const [row] = await db.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, team));
    const announced = (await db.db.select().from(events).where(eq(events.teamId, row!.id))).filter((e) => e.payload.data.model === name);
    expect(announced).toHaveLength(1);
  });

  it('honours Retry-After, disables the endpoint on 410, and never follows a redirect', async () => {
    const elsewhere = await receiver();
    const r = await receiver((request, attempt): { status: number; headers?: Record<string, string> } => {
      const version = request.event.data.version;
      if (version === '1.0.0') return attempt === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
      if (version === '2.0.0') return { status: 302, headers: { location: elsewhere.url } };
      return { status: 410 };
    });
    const { id } = await subscribe(r.url);
    const name = `moody-${++counter}`;
    await register(name, '1.0.0');
    await eventually(() => r.received.filter((x) => x.event.data.model === name).length === 2, 'the retry after Retry-After');
    const [first, second] = r.received.filter((x) => x.event.data.model === name) as [Received, Received];
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);

    await register(name, '2.0.0');
    const redirected = await eventually(async () => (await deliveries(id)).find((d: { status: string; attempts: { error: string }[] }) => d.status === 'failed'), 'the redirect to fail');
    expect(redirected.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([302, 302, 302, 302]);
    expect(redirected.attempts[0].error).toBe(`redirect to ${elsewhere.url} not followed`);
    expect(elsewhere.received).toHaveLength(0);

    await register(name, '3.0.0');
    const gone = await eventually(async () => {
      const hook = (await api(`/api/v1/webhooks/${id}`, { token: maintainer })).body;
      return !hook.enabled && hook;
    }, 'the endpoint to be disabled');
    expect(gone.disabledReason).toBe('the endpoint answered 410 Gone');
    await register(name, '4.0.0');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received.filter((x) => x.event.data.version === '4.0.0')).toHaveLength(0);
    // Re-enabled by a maintainer, it receives again.
    expect((await api(`/api/v1/webhooks/${id}`, { method: 'PUT', token: maintainer, body: { webhookId: id, enabled: true } })).body.enabled).toBe(true);
  });

  it('refuses at delivery a name that resolves to a private address, and says so in the log', async () => {
    const { id } = await subscribe('https://localhost:9/hook');
    await register(`rebind-${++counter}`);
    const failed = await eventually(async () => (await deliveries(id)).find((d: { status: string }) => d.status === 'failed'), 'the refusal');
    expect(failed.attempts[0].error).toMatch(/^refused: localhost is at (127\.0\.0\.1|::1), a loopback address$/);
    expect(failed.attempts[0].statusCode).toBeNull();
  });

  it('signs with both secrets during a rotation, sends a test event, and redelivers a past event with its id', async () => {
    const r = await receiver();
    const { id, secret: first } = await subscribe(r.url, []);
    const rotated = await post(`/api/v1/webhooks/${id}/rotate-secret`, maintainer);
    expect(rotated.status).toBe(200);
    const second = rotated.body.secret as string;
    expect(rotated.body.webhook.secretRotatedUntil).not.toBeNull();
    const test = await post(`/api/v1/webhooks/${id}/test`, maintainer);
    expect(test.status).toBe(202);
    const got = (await eventually(() => r.received.find((x) => x.event.type === 'webhook.test'), 'the test event')) as Received;
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(first, got)).toBe(true);
    expect(verifies(second, got)).toBe(true);

    const again = await post(`/api/v1/webhooks/${id}/deliveries`, maintainer, { eventId: test.body.eventId });
    expect(again.status).toBe(202);
    await eventually(() => r.received.filter((x) => x.id === got.id).length === 2, 'the redelivery');
    const log = await deliveries(id);
    expect(log.map((d: { trigger: string }) => d.trigger).slice(0, 2)).toEqual(['redelivery', 'test']);
    const foreign = await post(`/api/v1/webhooks/${id}/deliveries`, maintainer, { eventId: crypto.randomUUID() });
    expect(foreign.status).toBe(404);
  });
});

describe('several dispatchers at once', () => {
  const workers: ChildProcess[] = [];
  afterAll(() => {
    for (const w of workers) w.kill('SIGTERM');
  });

  it('deliver each event, none lost, one delivery per endpoint, with two more workers beside the server', async () => {
    for (let i = 0; i < 2; i++) {
      const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
        env: { ...process.env, DATABASE_URL: inject('appDatabaseUrl'), LOG_LEVEL: 'warn', WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE: '0.2,0.4,0.8' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(worker);
      await new Promise<void>((resolve) => worker.stdout!.on('data', (d: Buffer) => d.toString().includes('Worker running') && resolve()));
    }
    const r = await receiver();
    const { id } = await subscribe(r.url);
    const name = `busy-${++counter}`;
    await Promise.all(Array.from({ length: 30 }, (_, i) => register(name, `2.${i}.0`)));
    await eventually(() => r.unique().filter((u) => u.event.data.model === name).length === 30, 'all 30 events');
    const made = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
    expect(made).toHaveLength(30);
    expect(made.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
  });
});

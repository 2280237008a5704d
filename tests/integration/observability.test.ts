import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration, tokenFor } from '../helpers/fixtures';

let db: Connection;
let team: string;
let token: string;

beforeAll(async () => {
  ({ db, team, token } = await appTeam('obs'));
});
afterAll(() => db.close());

describe('correlation ids', () => {
  it('echoes a given id and makes one when none is sent, on API answers, errors and pages', async () => {
    const given = await api('/api/v1/health', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(given.headers.get('x-correlation-id')).toBe('abc-123');
    const made = await api('/api/v1/models');
    expect(made.status).toBe(401);
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.error.traceId).toBe(made.headers.get('x-correlation-id'));
    const page = await api('/');
    expect(page.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces an id that is unsafe to log', async () => {
    for (const unsafe of ['a b;c', 'x'.repeat(200), '{"json":1}']) {
      const res = await api('/api/v1/health', { headers: { 'x-correlation-id': unsafe } });
      expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('GET /api/metrics', () => {
  it('counts requests by route and status, and registrations by team, framework and target', async () => {
    await api('/api/v1/models', { method: 'POST', token, body: registration({ name: 'metered', framework: 'catboost' }) });
    await api('/api/v1/models', { token });
    expect((await api('/api/metrics')).status).toBe(401);
    const res = await api('/api/metrics', { token: inject('metricsToken') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = res.body as string;
    expect(text).toMatch(/registry_http_requests_total\{route="models\.register",method="POST",status="201"\} \d+/);
    expect(text).toMatch(/registry_http_request_duration_seconds_bucket\{le="0\.1",route="models\.list",method="GET",status="200"\}/);
    expect(text).toContain(`registry_model_registrations_total{team="${team}",framework="catboost",target="LAMBDA"} 1`);
  });

  it('labels every tRPC path that names no procedure as one unknown route', async () => {
    const invented = `made.up${crypto.randomUUID().slice(0, 8)}`;
    expect((await api(`/api/trpc/${invented}`, { token })).status).toBe(404);
    expect((await api(`/api/trpc/${invented}x`, { token })).status).toBe(404);
    await api(`/api/trpc/system.health,${invented}?batch=1`, { token });
    const text = (await api('/api/metrics', { token: inject('metricsToken') })).body as string;
    expect(text).not.toContain(invented);
    expect(text).toMatch(/registry_http_requests_total\{route="trpc:unknown",method="GET",status="404"\} [2-9]/);
  });
});

describe('OpenAPI document and API reference', () => {
  it('describes every REST operation from the procedures', async () => {
    const res = await api('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/audit',
      '/audit/actors',
      '/changes',
      '/deployments/{deploymentId}',
      '/deployments/{deploymentId}/events',
      '/export/rag',
      '/export/rag/schema',
      '/health',
      '/lifecycle',
      '/models',
      '/models/{modelId}',
      '/models/{modelId}/aliases',
      '/models/{modelId}/aliases/{alias}',
      '/models/{modelId}/deployments',
      '/models/{modelId}/deployments/rollback',
      '/models/{modelId}/{version}',
      '/models/{modelId}/{version}/artifacts',
      '/models/{modelId}/{version}/decisions',
      '/models/{modelId}/{version}/deploy',
      '/models/{modelId}/{version}/deregistration',
      '/models/{modelId}/{version}/evaluations',
      '/models/{modelId}/{version}/evidence',
      '/models/{modelId}/{version}/governance',
      '/models/{modelId}/{version}/policy-check',
      '/models/{modelId}/{version}/reviews',
      '/models/{modelId}/{version}/reviews/withdraw',
      '/models/{modelId}/{version}/transitions',
      '/policies/history',
      '/policy',
      '/reviews',
      '/tags',
      '/teams',
      '/teams/{team}/models/{name}',
      '/teams/{team}/models/{name}/aliases/{alias}',
      '/teams/{team}/policy',
      '/tokens',
      '/tokens/{tokenId}',
      '/users/{userId}/sessions',
      '/webhooks',
      '/webhooks/{webhookId}',
      '/webhooks/{webhookId}/deliveries',
      '/webhooks/{webhookId}/rotate-secret',
      '/webhooks/{webhookId}/test',
    ]);
    expect(doc.paths['/models/{modelId}/{version}/deploy'].post.responses['202']).toBeDefined();
    expect(doc.paths['/models'].post.responses['201']).toBeDefined();
    expect(doc.paths['/models/{modelId}/{version}'].delete.responses['204']).toBeDefined();
    expect(doc.paths['/models'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/models'].post.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.components.schemas.LambdaDeploymentConfig.properties.memoryMb).toMatchObject({ minimum: 128, maximum: 10240 });
    const listParams = doc.paths['/models'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['limit', 'offset', 'cursor', 'deploymentTarget', 'framework', 'team', 'tag', 'state', 'version', 'q']));
  });

  it('renders a readable reference page', async () => {
    const res = await api('/docs/api');
    expect(res.status).toBe(200);
    const html = res.body as string;
    expect(html).toContain('Register a model version');
    expect(html).toContain('/models/{modelId}/{version}');
    expect(html).toContain('deploymentConfig');
    const article = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</article>', html.indexOf(`id="${id}"`)));
    expect(article('get-/health')).toContain('Public.');
    expect(article('get-/export/rag/schema')).toContain('Public.');
    expect(article('get-/export/rag')).toContain('Needs a bearer token.');
    expect(article('post-/models')).toContain('Needs a bearer token.');
  });
});

describe('logs', () => {
  it('never contain tokens or authorization headers', async () => {
    const secret = await tokenFor(db.db, team);
    await api('/api/v1/models', { token: secret });
    await api('/api/v1/models', { method: 'POST', token: secret, body: registration({ name: 'logged' }) });
    await api('/api/v1/models', { headers: { authorization: 'Bearer mlr_leaky-guess', cookie: 'session=s3cr3t' } });
    await new Promise((r) => setTimeout(r, 300));
    const log = readFileSync(inject('appLogFile'), 'utf8');
    expect(log).toContain('"route":"models.register"');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('mlr_leaky-guess');
    expect(log).not.toContain('s3cr3t');
  });
});

import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { apiTokens } from '../../db/schema';
import type { AppRouter } from '../../server/routers';
import { systemPrincipal } from '../../server/auth/principal';
import { revokeToken } from '../../server/services/tokens/revoke';
import { visiblePrefix } from '../../server/services/tokens/secret';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';

let db: Connection;
let team: string;

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('auth');
});
afterAll(() => db.close());

const trpcClient = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${inject('appUrl')}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

describe('API tokens on REST', () => {
  it.each([
    ['no credentials', {}, 'Missing credentials'],
    ['a malformed header', { authorization: 'Token abc' }, 'Malformed Authorization header'],
    ['an unknown token', { authorization: 'Bearer mlr_not-a-real-token' }, 'Invalid API token'],
  ])('answers 401 to %s', async (_, headers, message) => {
    const res = await api('/api/v1/models', { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining(message) });
  });

  it('answers 401 to an expired token', async () => {
    const token = await tokenFor(db.db, team, { expiresAt: new Date(Date.now() - 1000) });
    const res = await api('/api/v1/models', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('expired');
  });

  it('answers 401 within a second once a token is revoked elsewhere', async () => {
    const token = await tokenFor(db.db, team);
    expect((await api('/api/v1/models', { token })).status).toBe(200);
    const [row] = await db.db.select().from(apiTokens).where(eq(apiTokens.prefix, visiblePrefix(token)));
    // Revoked from this process, not the app's: the app may reuse the token's principal for a second.
    await revokeToken({ db: db.db, actor: { principal: systemPrincipal('test'), correlationId: 'test' } }, { tokenId: row!.id });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const res = await api('/api/v1/models', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('revoked');
  });

  it('answers 403 to a token without the scope', async () => {
    const token = await tokenFor(db.db, team, { scopes: ['read'] });
    const res = await api('/api/v1/models', { method: 'POST', token, body: registration({ name: 'no-scope' }) });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('This needs the "write" scope, which these credentials lack');
    const exportOnly = await tokenFor(db.db, team, { scopes: ['export'] });
    expect((await api('/api/v1/models', { token: exportOnly })).status).toBe(403);
  });

  it('stores only a hash of the token and records its last use', async () => {
    const token = await tokenFor(db.db, team, { scopes: ['read'] });
    await api('/api/v1/models', { token });
    const [row] = await db.db.select().from(apiTokens).where(eq(apiTokens.prefix, visiblePrefix(token)));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('keeps the health check public', async () => {
    const res = await api('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok', driver: 'pg' });
  });
});

describe('the typed tRPC client', () => {
  it('registers and queries with the same shapes as REST', async () => {
    const token = await tokenFor(db.db, team);
    const client = trpcClient(token);
    const created = await client.models.register.mutate({
      name: 'via-trpc',
      version: '0.1.0',
      framework: 'onnx',
      artifactUri: 's3://ml-models/via-trpc/0.1.0/model.onnx',
      deploymentTarget: 'EKS',
      deploymentConfig: { minReplicas: 1, maxReplicas: 2, cpu: '500m', memoryMiB: 1024 },
    });
    expect(created.version.deploymentConfig).toEqual({ minReplicas: 1, maxReplicas: 2, cpu: '500m', memoryMiB: 1024 });
    const [page, version] = await Promise.all([
      client.models.list.query({ q: 'via-trpc' }),
      client.versions.get.query({ modelId: created.modelId, version: '0.1.0' }),
    ]);
    expect(page.items.map((m) => m.name)).toEqual(['via-trpc']);
    expect(version.framework).toBe('onnx');
  });

  it('carries the error code and field errors in data.error', async () => {
    const token = await tokenFor(db.db, team);
    const error = await trpcClient(token)
      .models.register.mutate({ name: 'x' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data as { httpStatus: number; error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(data.httpStatus).toBe(400);
    expect(data.error.code).toBe('VALIDATION_FAILED');
    expect(data.error.details.fieldErrors.name).toEqual(['must be at least 2 characters']);
    expect(data.error.details.fieldErrors.version).toEqual(['Required']);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const error = await trpcClient().models.list.query({}).catch((e: unknown) => e);
    expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });
});

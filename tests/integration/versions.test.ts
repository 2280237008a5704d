import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, modelVersions } from '../../db/schema';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { eksConfig, registration, tokenFor, uniqueSlug } from '../helpers/fixtures';

let db: Connection;
let team: string;
let contributor: string;
let maintainer: string;
let viewer: string;
let outsider: string;
let modelId: string;

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('ver');
  contributor = await tokenFor(db.db, team);
  maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
  viewer = await tokenFor(db.db, team, { scopes: ['read'] });
  outsider = await tokenFor(db.db, uniqueSlug('ver-out'), { role: 'maintainer' });
  // Registered out of SemVer order on purpose: 1.10.0, then 1.2.0, then 1.9.0-rc.1.
  for (const version of ['1.10.0', '1.2.0', '1.9.0-rc.1']) {
    const res = await api('/api/v1/models', {
      method: 'POST',
      token: contributor,
      body: registration({ name: 'scorer', version, description: `Scorer ${version}`, tags: [`v${version}`] }),
    });
    modelId = res.body.modelId;
  }
});
afterAll(() => db.close());

describe('GET /api/v1/models/{modelId}', () => {
  it('returns the model with its versions in registration order', async () => {
    const res = await api(`/api/v1/models/${modelId}`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.10.0', '1.2.0', '1.9.0-rc.1']);
    expect(res.body.latestVersion.version).toBe('1.10.0');
    expect(res.body.versions[0].deploymentConfig).toMatchObject({ memoryMb: 2048 });
  });

  it('orders by SemVer precedence on request', async () => {
    const res = await api(`/api/v1/models/${modelId}?order=semver`, { token: viewer });
    expect(res.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.2.0', '1.9.0-rc.1', '1.10.0']);
  });

  it('finds the model by team and name', async () => {
    const res = await api(`/api/v1/teams/${team}/models/scorer`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(modelId);
  });

  it("answers 404 for another team's model and for unknown ids, and 400 for a malformed id", async () => {
    expect((await api(`/api/v1/models/${modelId}`, { token: outsider })).status).toBe(404);
    expect((await api(`/api/v1/teams/${team}/models/scorer`, { token: outsider })).status).toBe(404);
    const unknown = await api(`/api/v1/models/${crypto.randomUUID()}`, { token: viewer });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Model not found' });
    expect((await api('/api/v1/models/not-a-uuid', { token: viewer })).status).toBe(400);
  });
});

describe('GET /api/v1/models/{modelId}/{version}', () => {
  it('returns every field of the version', async () => {
    const res = await api(`/api/v1/models/${modelId}/1.9.0-rc.1`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      modelId,
      modelName: 'scorer',
      team,
      version: '1.9.0-rc.1',
      framework: 'xgboost',
      artifactUri: expect.stringMatching(/^s3:\/\//),
      deploymentTarget: 'LAMBDA',
      deploymentConfig: { memoryMb: 2048, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' },
      description: 'Scorer 1.9.0-rc.1',
      state: 'draft',
      deploymentStatus: 'not_deployed',
      registeredBy: { kind: 'token' },
    });
  });

  it('answers 404 for a version that does not exist', async () => {
    const res = await api(`/api/v1/models/${modelId}/9.9.9`, { token: viewer });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Version 9.9.9 of model "scorer" not found');
  });

  it('finds a version with build metadata whose "+" the client percent-encoded', async () => {
    const registered = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'built', version: '1.10.1+build.7' }) });
    expect(registered.status).toBe(201);
    const built = registered.body.modelId;
    const res = await api(`/api/v1/models/${built}/${encodeURIComponent('1.10.1+build.7')}`, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('1.10.1+build.7');
    // A segment that decodes to a "/" names no version.
    expect((await api(`/api/v1/models/${built}/1.0.0%2F1`, { token: viewer })).status).toBe(400);
  });
});

describe('PUT /api/v1/models/{modelId}/{version}', () => {
  const put = (version: string, body: unknown, token = contributor) =>
    api(`/api/v1/models/${modelId}/${version}`, { method: 'PUT', token, body });

  it('updates the mutable metadata and records what changed', async () => {
    const res = await put('1.2.0', {
      description: 'Scores loans',
      tags: ['credit'],
      metrics: { auc: 0.81 },
      deploymentConfig: { memoryMb: 4096, timeoutSeconds: 60 },
      lineage: { notes: 'retrained after the October incident' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: 'Scores loans',
      tags: ['credit'],
      metrics: { auc: 0.81 },
      deploymentConfig: { memoryMb: 4096, timeoutSeconds: 60, ephemeralStorageMb: 512, architecture: 'x86_64' },
      lineage: { notes: 'retrained after the October incident' },
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(res.body.createdAt));
    const [audit] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, res.body.id), eq(auditLog.action, 'version.updated')));
    expect(audit!.summary).toMatchObject({ version: '1.2.0', changed: { description: { from: 'Scorer 1.2.0', to: 'Scores loans' } } });

    const model = await api(`/api/v1/models/${modelId}`, { token: viewer });
    expect(model.body.tags).toContain('credit');
  });

  it('refuses identity fields as immutable and changes nothing', async () => {
    const res = await put('1.2.0', { name: 'renamed', artifactUri: 's3://other-bucket/x', version: '1.2.0' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fieldErrors).toMatchObject({
      name: ['name is immutable; register a new version instead'],
      artifactUri: ['artifactUri is immutable; register a new version instead'],
    });
    const after = await api(`/api/v1/models/${modelId}/1.2.0`, { token: viewer });
    expect(after.body.modelName).toBe('scorer');
  });

  it("checks new preferences against the version's own target", async () => {
    const res = await put('1.2.0', { deploymentConfig: eksConfig });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fieldErrors['deploymentConfig.memoryMb']).toEqual(['Required']);
    expect(res.body.error.details.fieldErrors['deploymentConfig.cpu']).toEqual(['unknown field "cpu"']);
  });

  it('refuses an empty update and unknown fields', async () => {
    expect((await put('1.2.0', {})).status).toBe(400);
    const unknown = await put('1.2.0', { stage: 'prod' });
    expect(unknown.body.error.details.fieldErrors.stage).toEqual(['unknown field "stage"']);
  });

  it('is refused to a read-only token (403) and to another team (404)', async () => {
    const readOnly = await put('1.2.0', { description: 'nope' }, viewer);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('FORBIDDEN');
    expect((await put('1.2.0', { description: 'nope' }, outsider)).status).toBe(404);
  });
});

describe('DELETE /api/v1/models/{modelId}/{version}', () => {
  const del = (version: string, token: string) => api(`/api/v1/models/${modelId}/${version}`, { method: 'DELETE', token });

  it('needs a maintainer', async () => {
    const res = await del('1.9.0-rc.1', contributor);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('maintainer');
    expect((await del('1.9.0-rc.1', outsider)).status).toBe(404);
  });

  it('refuses an unknown query parameter instead of ignoring it (a dry run it does not offer)', async () => {
    const res = await api(`/api/v1/models/${modelId}/1.9.0-rc.1?dryRun=true`, { method: 'DELETE', token: maintainer });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fieldErrors).toHaveProperty('dryRun');
    expect((await api(`/api/v1/models/${modelId}/1.9.0-rc.1`, { token: viewer })).status).toBe(200);
  });

  it('deregisters: 204, then 404, gone from lists, tombstone kept, number never reused', async () => {
    const res = await del('1.9.0-rc.1', maintainer);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect((await api(`/api/v1/models/${modelId}/1.9.0-rc.1`, { token: viewer })).status).toBe(404);
    expect((await del('1.9.0-rc.1', maintainer)).status).toBe(404);

    const model = await api(`/api/v1/models/${modelId}`, { token: viewer });
    expect(model.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.10.0', '1.2.0']);
    expect(model.body.versionCount).toBe(2);
    expect((await api(`/api/v1/models?version=1.9.0-rc.1&team=${team}`, { token: viewer })).body.total).toBe(0);

    const [tombstone] = await db.db.select().from(modelVersions).where(eq(modelVersions.version, '1.9.0-rc.1'));
    expect(tombstone!.deletedAt).toBeInstanceOf(Date);
    expect(tombstone!.deletedBy).toMatchObject({ kind: 'token' });
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.resourceId, tombstone!.id));
    expect(audit.map((a) => a.action)).toContain('version.deregistered');

    const again = await api('/api/v1/models', {
      method: 'POST',
      token: contributor,
      body: registration({ name: 'scorer', version: '1.9.0-rc.1' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('never reused');
  });

  it('removes a model from the catalog when its last version goes', async () => {
    const lone = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'lonely' }) });
    expect((await del('1.0.0', maintainer)).status).toBe(404); // scorer has no 1.0.0
    const res = await api(`/api/v1/models/${lone.body.modelId}/1.0.0`, { method: 'DELETE', token: maintainer });
    expect(res.status).toBe(204);
    expect((await api(`/api/v1/models/${lone.body.modelId}`, { token: viewer })).status).toBe(404);
    expect((await api(`/api/v1/models?q=lonely&team=${team}`, { token: viewer })).body.total).toBe(0);
  });
});

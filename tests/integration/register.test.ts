import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, modelVersions, models, teams } from '../../db/schema';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { eksConfig, registration } from '../helpers/fixtures';

let db: Connection;
let team: string;
let token: string;

beforeAll(async () => {
  ({ db, team, token } = await appTeam('reg'));
});
afterAll(() => db.close());

const register = (body: unknown, t = token) => api('/api/v1/models', { method: 'POST', token: t, body });

async function versionCount(name: string) {
  const [row] = await db.db
    .select({ n: count() })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, models.teamId))
    .where(and(eq(teams.slug, team), eq(models.name, name)));
  return row!.n;
}

describe('POST /api/v1/models', () => {
  it('creates the model with its first version and answers 201 with the stored record', async () => {
    const body = registration({
      name: 'churn',
      description: 'Predicts churn',
      tags: ['tabular', 'tabular', 'weekly'],
      metrics: { auc: 0.9 },
      hyperparameters: { depth: 6, booster: 'gbtree' },
      lineage: { datasets: ['s3://data/churn/2026-10/'], trainingJobId: 'job-1', commitSha: 'abc1234', parentVersion: '0.9.0' },
    });
    const res = await register(body);
    expect(res.status).toBe(201);
    expect(res.body.modelId).toBe(res.body.model.id);
    expect(res.body.versionId).toBe(res.body.version.id);
    expect(res.body.version).toMatchObject({
      modelName: 'churn',
      team,
      version: '1.0.0',
      framework: 'xgboost',
      deploymentTarget: 'LAMBDA',
      deploymentConfig: { memoryMb: 2048, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' },
      tags: ['tabular', 'weekly'],
      metrics: { auc: 0.9 },
      state: 'draft',
      registeredBy: { kind: 'token' },
    });
    expect(Date.parse(res.body.version.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body.model).toMatchObject({ name: 'churn', team, versionCount: 1, deploymentTargets: ['LAMBDA'] });
    expect(res.body.model.latestVersion.version).toBe('1.0.0');
  });

  it('adds a version to the existing model when the name comes again, and fills in defaults', async () => {
    const first = await register(registration({ name: 'ranker', version: '1.0.0' }));
    const second = await register(
      registration({ name: 'ranker', version: '2.0.0', deploymentTarget: 'EKS', deploymentConfig: eksConfig, framework: 'pytorch' }),
    );
    expect(second.status).toBe(201);
    expect(second.body.modelId).toBe(first.body.modelId);
    expect(second.body.model.versionCount).toBe(2);
    expect(second.body.model.deploymentTargets).toEqual(['EKS', 'LAMBDA']);
    expect(second.body.model.latestVersion).toMatchObject({ version: '2.0.0', deploymentTarget: 'EKS' });

    const lambdaDefaults = await register(
      registration({ name: 'ranker', version: '2.0.1', deploymentConfig: { memoryMb: 512, timeoutSeconds: 5 } }),
    );
    expect(lambdaDefaults.body.version.deploymentConfig).toEqual({
      memoryMb: 512,
      timeoutSeconds: 5,
      ephemeralStorageMb: 512,
      architecture: 'x86_64',
    });
  });

  it('answers 409 naming the existing version for a duplicate name and version', async () => {
    const first = await register(registration({ name: 'dup' }));
    const again = await register(registration({ name: 'dup' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { modelId: first.body.modelId, versionId: first.body.versionId, version: '1.0.0', team },
    });
    expect(again.body.error.message).toContain('already registered');
    expect(await versionCount('dup')).toBe(1);
  });

  it('lets exactly one of 50 identical concurrent registrations win', async () => {
    const body = registration({ name: 'raced', version: '3.1.4' });
    const results = await Promise.all(Array.from({ length: 50 }, () => register(body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await versionCount('raced')).toBe(1);
    const [model] = await db.db.select().from(models).where(eq(models.name, 'raced'));
    expect(model!.versionCount).toBe(1);
  });

  it('keeps every version when different versions of one model race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(registration({ name: 'parallel', version: `1.${i}.0` }))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await versionCount('parallel')).toBe(20);
    const [model] = await db.db.select().from(models).where(eq(models.name, 'parallel'));
    expect(model!.versionCount).toBe(20);
    const latest = await api(`/api/v1/models/${model!.id}`, { token });
    expect(latest.body.latestVersion.version).toBe('1.19.0');
  });

  it('writes an audit row in the same transaction, with the correlation id of the request', async () => {
    const res = await api('/api/v1/models', {
      method: 'POST',
      token,
      body: registration({ name: 'audited' }),
      headers: { 'x-correlation-id': 'test-audit-42' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('test-audit-42');
    const rows = await db.db.select().from(auditLog).where(eq(auditLog.resourceId, res.body.versionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'model.created',
      resourceType: 'model_version',
      correlationId: 'test-audit-42',
      actor: { kind: 'token' },
      summary: { model: 'audited', version: '1.0.0', deploymentTarget: 'LAMBDA' },
    });
  });
});

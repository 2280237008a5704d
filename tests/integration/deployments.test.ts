import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { events, teams } from '../../db/schema';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { promote } from '../helpers/lifecycle';
import { signInAs } from '../helpers/session';

let db: Connection;
let team: string;
let contributor: string;
let pipeline: string; // a token with the deploy scope, as a deployment pipeline holds
let mia: { headers: Record<string, string> };
let carol: { headers: Record<string, string> };
let counter = 0;

const post = (path: string, who: { token?: string; headers?: Record<string, string> }, body: unknown, headers: Record<string, string> = {}) =>
  api(path, { method: 'POST', token: who.token, headers: { ...who.headers, ...headers }, body });

/** A model with versions 1.0.0… registered and moved to `state`. */
async function modelWith(versions: string[], state: Parameters<typeof promote>[1]) {
  const name = `dep-${++counter}`;
  let modelId = '';
  for (const version of versions) {
    const res = await post('/api/v1/models', { token: contributor }, registration({ name, team, version, description: 'Scores card transactions' }));
    expect(res.status).toBe(201);
    modelId = res.body.modelId;
    await promote(`/api/v1/models/${modelId}/${version}`, state, { token: contributor }, mia);
  }
  return modelId;
}

const deploy = (modelId: string, version: string, body: Record<string, unknown>, who: { token?: string; headers?: Record<string, string> } = mia, headers: Record<string, string> = {}) =>
  post(`/api/v1/models/${modelId}/${version}/deploy`, who, body, headers);
const report = (id: string, body: Record<string, unknown>, token = pipeline) => post(`/api/v1/deployments/${id}/events`, { token }, body);

async function deployed(modelId: string, version: string, environment: string, trafficPercent = 100) {
  const res = await deploy(modelId, version, { environment, trafficPercent, reason: `ship ${version}` });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect((await report(res.body.deploymentId, { status: 'succeeded', endpoint: `arn:aws:lambda:eu-west-1:1:function:${version}` })).status).toBe(200);
  return res.body.deploymentId as string;
}

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('dep');
  contributor = await tokenFor(db.db, team);
  pipeline = await tokenFor(db.db, team, { scopes: ['deploy'] });
  mia = { headers: { cookie: await signInAs(db.db, uniqueSlug('mia'), [`mlreg-${team}-maintainer`]) } };
  carol = { headers: { cookie: await signInAs(db.db, uniqueSlug('carol'), [`mlreg-${team}-contributor`]) } };
  const policy = await api(`/api/v1/teams/${team}/policy`, { method: 'PUT', ...mia, body: { document: { states: { approved_staging: { approvals: 1 }, approved_prod: { approvals: 1 } } } } });
  expect(policy.status).toBe(200);
});
afterAll(() => db.close());

describe('deploy gating', () => {
  it('deploys only what is approved for the environment, and production only by a maintainer', async () => {
    const draft = await post('/api/v1/models', { token: contributor }, registration({ name: `dep-draft-${++counter}`, team }));
    const refused = await deploy(draft.body.modelId, '1.0.0', { environment: 'staging' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('1.0.0 is draft');
    expect(refused.body.error.details.allowed).toEqual(['approved_staging', 'staging', 'approved_prod', 'production']);

    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    expect((await deploy(modelId, '1.0.0', { environment: 'production' })).status).toBe(409);
    const staged = await deploy(modelId, '1.0.0', { environment: 'staging' }, carol);
    expect(staged.status).toBe(202);
    expect(staged.body).toMatchObject({ status: 'requested', deployment: { environment: 'staging', trafficPercent: 100, allocation: [{ version: '1.0.0', percent: 100 }] } });

    const prod = await modelWith(['1.0.0'], 'approved_prod');
    const contributorTries = await deploy(prod, '1.0.0', { environment: 'production' }, carol);
    expect(contributorTries.status).toBe(403);
    expect(contributorTries.body.error.message).toContain('maintainer');
  });

  it('answers the policy checklist in the governance words when the policy blocks', async () => {
    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    const strict = { states: { approved_staging: { approvals: 1 }, staging: { passedEvaluations: ['safety'] } } };
    expect((await api(`/api/v1/teams/${team}/policy`, { method: 'PUT', ...mia, body: { document: strict } })).status).toBe(200);
    try {
      const res = await deploy(modelId, '1.0.0', { environment: 'staging' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/^Deploying 1\.0\.0 to staging is blocked by the policy/);
      expect(res.body.error.details.policyCheck).toMatchObject({ to: 'staging', allowed: false });
    } finally {
      await api(`/api/v1/teams/${team}/policy`, { method: 'PUT', ...mia, body: { document: { states: { approved_staging: { approvals: 1 }, approved_prod: { approvals: 1 } } } } });
    }
  });
});

describe('idempotency and one deployment at a time', () => {
  it('answers a retried request with the first deployment, whether sent after or at the same time', async () => {
    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    const key = { 'idempotency-key': crypto.randomUUID() };
    const all = await Promise.all(Array.from({ length: 5 }, () => deploy(modelId, '1.0.0', { environment: 'staging' }, mia, key)));
    expect(all.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(all.map((r) => r.body.deploymentId)).size).toBe(1);
    const history = await api(`/api/v1/models/${modelId}/deployments`, mia);
    expect(history.body.deployments).toHaveLength(1);

    const reused = await deploy(modelId, '1.0.0', { environment: 'staging', trafficPercent: 50 }, mia, key);
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toContain('Idempotency-Key');
    // Without a key, a second request while the first is at work is refused, not queued twice.
    const second = await deploy(modelId, '1.0.0', { environment: 'staging' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('still at work');
  });
});

describe('pipeline reports', () => {
  it('takes progress and an outcome from a deploy token only, keeps every report, and refuses reports after the end', async () => {
    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    const { body } = await deploy(modelId, '1.0.0', { environment: 'staging', reason: 'first try' });
    const id = body.deploymentId;
    expect((await report(id, { status: 'in_progress' }, contributor)).status).toBe(403);
    expect((await post(`/api/v1/deployments/${id}/events`, mia, { status: 'in_progress' })).status).toBe(403);
    const missing = await report(id, { status: 'failed' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fieldErrors.error).toEqual(['Required: say what failed']);
    expect((await report(id, { status: 'in_progress', progress: 10, message: 'pulling image' })).status).toBe(200);
    expect((await report(id, { status: 'in_progress', progress: 60 })).status).toBe(200);
    const done = await report(id, { status: 'succeeded', endpoint: 'https://fraud.staging.internal/invocations' });
    expect(done.body).toMatchObject({ status: 'succeeded', endpoint: 'https://fraud.staging.internal/invocations' });
    expect(done.body.events.map((e: { status: string; progress: number | null }) => [e.status, e.progress])).toEqual([
      ['requested', null],
      ['in_progress', 10],
      ['in_progress', 60],
      ['succeeded', null],
    ]);
    const late = await report(id, { status: 'failed', error: 'too late' });
    expect(late.status).toBe(409);
    const version = await api(`/api/v1/models/${modelId}/1.0.0`, mia);
    expect(version.body.deploymentStatus).toBe('succeeded');
    // Another team's pipeline does not see it.
    const stranger = await tokenFor(db.db, uniqueSlug('other'), { scopes: ['deploy'] });
    expect((await report(id, { status: 'in_progress' }, stranger)).status).toBe(404);
  });

  it('keeps a failure with its error, and the environment serves what it served before', async () => {
    const modelId = await modelWith(['1.0.0', '1.1.0'], 'approved_staging');
    await deployed(modelId, '1.0.0', 'staging');
    const { body } = await deploy(modelId, '1.1.0', { environment: 'staging' });
    const failed = await report(body.deploymentId, { status: 'failed', error: 'image pull backoff' });
    expect(failed.body).toMatchObject({ status: 'failed', error: 'image pull backoff' });
    const history = await api(`/api/v1/models/${modelId}/deployments?environment=staging`, mia);
    expect(history.body.environments[0].serving.map((p: { version: string; percent: number }) => [p.version, p.percent])).toEqual([['1.0.0', 100]]);
  });
});

describe('history, traffic shares and rollback', () => {
  it('splits traffic between versions (always 100 in all), answers what served at a date, and rolls back as a new deployment', async () => {
    const modelId = await modelWith(['1.0.0', '2.0.0', '3.0.0'], 'approved_prod');
    await deployed(modelId, '1.0.0', 'production');
    const beforeCanary = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const canary = await deployed(modelId, '2.0.0', 'production', 10);
    const third = await deploy(modelId, '3.0.0', { environment: 'production', trafficPercent: 33 });
    expect(third.body.deployment.allocation).toEqual([
      { version: '3.0.0', percent: 33 },
      { version: '1.0.0', percent: 60 },
      { version: '2.0.0', percent: 7 },
    ]);
    await report(third.body.deploymentId, { status: 'failed', error: 'canary alarms' });

    const history = await api(`/api/v1/models/${modelId}/deployments?environment=production&at=${encodeURIComponent(beforeCanary)}`, mia);
    const [production] = history.body.environments;
    const shares = production.serving.map((p: { version: string; percent: number }) => [p.version, p.percent]);
    expect(shares).toEqual([
      ['1.0.0', 90],
      ['2.0.0', 10],
    ]);
    expect(production.serving.reduce((sum: number, p: { percent: number }) => sum + p.percent, 0)).toBe(100);
    expect(production.servingAt.map((p: { version: string; percent: number }) => [p.version, p.percent])).toEqual([['1.0.0', 100]]);
    expect(production.periods[0]).toMatchObject({ deploymentId: canary, reason: 'ship 2.0.0', requestedBy: { kind: 'user' } });

    const rollback = await post(`/api/v1/models/${modelId}/deployments/rollback`, mia, { environment: 'production', reason: 'latency regression' });
    expect(rollback.status).toBe(202);
    expect(rollback.body.deployment).toMatchObject({ rollbackOf: canary, version: '1.0.0', allocation: [{ version: '1.0.0', percent: 100 }] });
    await report(rollback.body.deploymentId, { status: 'succeeded', endpoint: 'arn:aws:lambda:eu-west-1:1:function:1.0.0' });
    const after = await api(`/api/v1/models/${modelId}/deployments?environment=production`, mia);
    expect(after.body.environments[0].serving.map((p: { version: string; percent: number }) => [p.version, p.percent])).toEqual([['1.0.0', 100]]);
    const replaced = after.body.deployments.find((d: { id: string }) => d.id === canary);
    expect(replaced.status).toBe('rolled_back');
    expect(replaced.events.at(-1)).toMatchObject({ status: 'rolled_back', message: `rolled back by deployment ${rollback.body.deploymentId}` });
    expect((await api(`/api/v1/models/${modelId}/2.0.0`, mia)).body.deploymentStatus).toBe('rolled_back');
  });

  it('refuses a first deployment that does not take all the traffic, and a rollback with nothing before', async () => {
    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    const partial = await deploy(modelId, '1.0.0', { environment: 'staging', trafficPercent: 50 });
    expect(partial.status).toBe(409);
    expect(partial.body.error.message).toContain('must take all of its traffic');
    await deployed(modelId, '1.0.0', 'staging');
    const rollback = await post(`/api/v1/models/${modelId}/deployments/rollback`, mia, { environment: 'staging', reason: 'why not' });
    expect(rollback.status).toBe(409);
    expect(rollback.body.error.message).toContain('single deployment');
  });
});

describe('events', () => {
  it('announces the request and each change of status, with what a pipeline needs', async () => {
    const modelId = await modelWith(['1.0.0'], 'approved_staging');
    const id = await deployed(modelId, '1.0.0', 'staging');
    const [row] = await db.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, team));
    const announced = await db.db.select().from(events).where(eq(events.teamId, row!.id)).orderBy(asc(events.seq));
    const mine = announced.filter((e) => e.payload.data.deploymentId === id);
    expect(mine.map((e) => e.type)).toEqual(['deployment.requested', 'deployment.status_changed']);
    expect(mine[0]!.payload.data).toMatchObject({ modelId, version: '1.0.0', environment: 'staging', deploymentTarget: 'LAMBDA', artifactUri: expect.stringMatching(/^s3:/) });
    expect(mine[1]!.payload.data).toMatchObject({ from: 'requested', to: 'succeeded' });
  });
});

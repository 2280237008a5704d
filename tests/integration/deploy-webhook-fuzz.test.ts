import { count, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, deploymentEvents, deployments, events, modelVersions, teams, webhookDeliveries, webhooks } from '../../db/schema';
import { deployInput, reportDeploymentInput, rollbackInput } from '../../server/schemas/deployment';
import { createWebhookInput, redeliverInput, updateWebhookInput } from '../../server/schemas/webhook';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration, tokenFor } from '../helpers/fixtures';
import { bent, fuzzRefusals } from '../helpers/fuzz';
import { promote } from '../helpers/lifecycle';
import { signInAs } from '../helpers/session';

// The deployment and webhook write endpoints meet RUNS generated requests each (fewer than the
// registry's core endpoints: eight endpoints share the suite's time). None may answer 5xx; every
// refusal changes nothing of the team's: deployments, their events, webhooks, deliveries, outbox, audit.
const RUNS = 250;
let db: Connection;
let team: string;
let contributor: string;
let maintainer: string;
let pipeline: string;
let modelId: string;
let deploymentId: string;
let webhookId: string;

async function teamState() {
  const [teamRow] = await db.db.select().from(teams).where(eq(teams.slug, team));
  const teamId = teamRow!.id;
  const ids = (await db.db.select({ id: deployments.id }).from(deployments).where(eq(deployments.teamId, teamId))).map((d) => d.id);
  const hookIds = (await db.db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.teamId, teamId))).map((w) => w.id);
  const [deploymentRows, reports, hooks, deliveries, outbox, audit, versions] = await Promise.all([
    db.db.select().from(deployments).where(eq(deployments.teamId, teamId)),
    ids.length ? db.db.select({ n: count() }).from(deploymentEvents).where(inArray(deploymentEvents.deploymentId, ids)) : [{ n: 0 }],
    db.db.select().from(webhooks).where(eq(webhooks.teamId, teamId)),
    hookIds.length ? db.db.select({ n: count() }).from(webhookDeliveries).where(inArray(webhookDeliveries.webhookId, hookIds)) : [{ n: 0 }],
    db.db.select({ n: count() }).from(events).where(eq(events.teamId, teamId)),
    db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.teamId, teamId)),
    db.db.select({ status: modelVersions.deploymentStatus, seq: modelVersions.changeSeq }).from(modelVersions).where(eq(modelVersions.teamId, teamId)),
  ]);
  return JSON.stringify({ deploymentRows, reports: reports[0]!.n, hooks, deliveries: deliveries[0]!.n, outbox: outbox[0]!.n, audit: audit[0]!.n, versions });
}

const fuzz = (send: (body: unknown) => ReturnType<typeof api>, bodies: fc.Arbitrary<unknown>, accepted: (body: unknown) => boolean) =>
  fuzzRefusals(teamState, send, bodies, accepted, RUNS);

const asObject = (body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) ? body : { body });
const post = (path: string, auth: { token?: string; headers?: Record<string, string> }, body: unknown) => api(path, { method: 'POST', ...auth, body });

beforeAll(async () => {
  ({ db, team, token: contributor } = await appTeam('dfuzz'));
  maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
  pipeline = await tokenFor(db.db, team, { scopes: ['deploy'] });
  const mia = { headers: { cookie: await signInAs(db.db, `dfuzz-mia-${team}`, [`mlreg-${team}-maintainer`]) } };
  expect((await api(`/api/v1/teams/${team}/policy`, { method: 'PUT', ...mia, body: { document: { states: { approved_staging: { approvals: 1 } } } } })).status).toBe(200);
  const res = await post('/api/v1/models', { token: contributor }, registration({ name: 'deployed', team }));
  modelId = res.body.modelId;
  await promote(`/api/v1/models/${modelId}/1.0.0`, 'approved_staging', { token: contributor }, mia);
  // A deployment at work: every further deploy is refused while it runs, so no generated body deploys.
  deploymentId = (await post(`/api/v1/models/${modelId}/1.0.0/deploy`, { token: contributor }, { environment: 'staging' })).body.deploymentId;
  webhookId = (await post('/api/v1/webhooks', { token: maintainer }, { url: 'https://hooks.example.com/x' })).body.webhook.id;
});
afterAll(() => db.close());

describe('deployment and webhook write endpoints with generated bodies', () => {
  it('POST …/deploy', async () => {
    await fuzz(
      (body) => post(`/api/v1/models/${modelId}/1.0.0/deploy`, { token: contributor }, body),
      bent({ environment: 'staging', trafficPercent: 50, reason: 'r' }, ['environment', 'trafficPercent', 'reason', 'idempotencyKey']),
      // A valid body meets the deployment at work (409): nothing here can deploy.
      (body) => !deployInput.safeParse({ ...asObject(body), modelId, version: '1.0.0' }).success && false,
    );
  }, 120_000);

  it('POST /models/{modelId}/deployments/rollback', async () => {
    await fuzz(
      (body) => post(`/api/v1/models/${modelId}/deployments/rollback`, { token: contributor }, body),
      bent({ environment: 'staging', reason: 'r' }, ['environment', 'reason', 'idempotencyKey']),
      // Nothing served before, so every rollback is refused too.
      (body) => rollbackInput.safeParse({ ...asObject(body), modelId }).success && false,
    );
  }, 120_000);

  it('POST /deployments/{id}/events', async () => {
    await fuzz(
      (body) => post(`/api/v1/deployments/${deploymentId}/events`, { token: pipeline }, body),
      bent({ status: 'succeeded', endpoint: 'arn:x', progress: 50, message: 'm', error: 'e' }, ['status', 'endpoint', 'progress', 'message', 'error']),
      (body) => reportDeploymentInput.safeParse({ ...asObject(body), deploymentId }).success,
    );
  }, 120_000);

  it('POST /webhooks', async () => {
    await fuzz(
      (body) => post('/api/v1/webhooks', { token: maintainer }, body),
      fc.oneof(
        bent({ url: 'https://hooks.example.com/y', eventTypes: ['version.registered'], description: 'd' }, ['url', 'eventTypes', 'description', 'team']),
        fc.constantFrom('http://10.0.0.1/x', 'https://[::1]/x', 'https://169.254.169.254/', 'ftp://x.example.com/', 'https://u:p@x.example.com/').map((url) => ({ url })),
      ),
      (body) => createWebhookInput.safeParse(asObject(body)).success && !/10\.0|::1|169\.254|@/.test(JSON.stringify(body)),
    );
  }, 120_000);

  it('PUT /webhooks/{id}', async () => {
    await fuzz(
      (body) => api(`/api/v1/webhooks/${webhookId}`, { method: 'PUT', token: maintainer, body }),
      bent({ url: 'https://hooks.example.com/z', eventTypes: [], enabled: false }, ['url', 'eventTypes', 'enabled', 'description']),
      (body) => updateWebhookInput.safeParse({ ...asObject(body), webhookId }).success,
    );
  }, 120_000);

  it('POST /webhooks/{id}/deliveries', async () => {
    await fuzz(
      (body) => post(`/api/v1/webhooks/${webhookId}/deliveries`, { token: maintainer }, body),
      bent({ eventId: crypto.randomUUID() }, ['eventId']),
      // A valid body names a random event id, which is not the team's: refused as well.
      (body) => redeliverInput.safeParse({ ...asObject(body), webhookId }).success && false,
    );
  }, 120_000);
});

import { count, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { aliasMoves, artifacts, auditLog, evaluations, modelAliases, modelVersions, policies, teams, versionApprovals, versionReviews, versionTransitions } from '../../db/schema';
import { setAliasInput } from '../../server/schemas/alias';
import { recordEvaluationInput } from '../../server/schemas/evidence';
import { decisionInput } from '../../server/schemas/lifecycle';
import { savePolicyInput } from '../../server/schemas/policy';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration, tokenFor } from '../helpers/fixtures';
import { FUZZ_RUNS, bent, expectRefusal, fuzzOptions, fuzzRefusals } from '../helpers/fuzz';
import { signInAs } from '../helpers/session';

// The governance write endpoints meet FUZZ_RUNS generated requests each: bodies bent from valid
// ones and arbitrary JSON. None may answer 5xx; every refusal changes nothing of the team's.
let db: Connection;
let team: string;
let contributor: string;
let maintainerToken: string;
let maintainer: string;
let modelId: string;
let base: string;

/** Everything governance could change for this team, and its audit trail. */
async function teamState() {
  const [teamRow] = await db.db.select().from(teams).where(eq(teams.slug, team));
  const versionIds = (await db.db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.teamId, teamRow!.id))).map((v) => v.id);
  const rowsOf = async (table: typeof evaluations | typeof artifacts | typeof versionReviews | typeof versionApprovals | typeof versionTransitions) =>
    (await db.db.select({ n: count() }).from(table).where(inArray(table.versionId, versionIds)))[0]!.n;
  const [versions, policyRows, aliases, moves, audit] = await Promise.all([
    db.db.select({ state: modelVersions.state, config: modelVersions.deploymentConfig, seq: modelVersions.changeSeq }).from(modelVersions).where(eq(modelVersions.teamId, teamRow!.id)),
    db.db.select({ n: count() }).from(policies).where(eq(policies.teamId, teamRow!.id)),
    db.db.select().from(modelAliases).where(eq(modelAliases.modelId, modelId)),
    db.db.select({ n: count() }).from(aliasMoves).where(eq(aliasMoves.modelId, modelId)),
    db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.teamId, teamRow!.id)),
  ]);
  const governance = await Promise.all([evaluations, artifacts, versionReviews, versionApprovals, versionTransitions].map(rowsOf));
  return JSON.stringify({ versions, policies: policyRows[0]!.n, aliases, moves: moves[0]!.n, audit: audit[0]!.n, governance });
}

const fuzz = (send: (body: unknown) => ReturnType<typeof api>, bodies: fc.Arbitrary<unknown>, accepted: (body: unknown) => boolean) =>
  fuzzRefusals(teamState, send, bodies, accepted);

const key = () => ({ modelId, version: '1.0.0' });
const asObject = (body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) ? body : { body });

beforeAll(async () => {
  ({ db, team, token: contributor } = await appTeam('gfuzz'));
  maintainerToken = await tokenFor(db.db, team, { role: 'maintainer' });
  maintainer = await signInAs(db.db, `gfuzz-mia-${team}`, [`mlreg-${team}-maintainer`]);
  const res = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'governed', team }) });
  modelId = res.body.modelId;
  base = `/api/v1/models/${modelId}/1.0.0`;
  // An open review by the contributor's token, so decisions have something to decide.
  expect((await api(`${base}/reviews`, { method: 'POST', token: contributor, body: { environment: 'staging' } })).status).toBe(201);
});
afterAll(() => db.close());

describe('governance write endpoints with generated bodies', () => {
  it('POST …/evaluations', async () => {
    const valid = { suite: 'safety', metrics: { safety: { toxicity: 0.01 } }, thresholds: { 'safety.toxicity': { max: 0.05 } }, datasetRef: 's3://eval/set' };
    await fuzz(
      (body) => api(`${base}/evaluations`, { method: 'POST', token: contributor, body }),
      bent(valid, ['suite', 'metrics', 'thresholds', 'datasetRef']),
      (body) => recordEvaluationInput.safeParse({ ...asObject(body), ...key() }).success,
    );
  }, 180_000);

  it('PUT /teams/{team}/policy', async () => {
    const valid = { document: { states: { approved_staging: { approvals: 2, passedEvaluations: ['safety'] } }, protectedAliases: { production: 'production' } }, comment: 'c' };
    await fuzz(
      (body) => api(`/api/v1/teams/${team}/policy`, { method: 'PUT', headers: { cookie: maintainer }, body }),
      fc.oneof(bent(valid, ['document', 'comment']), bent({ states: {} }, ['states', 'riskTiers', 'protectedAliases']).map((document) => ({ document }))),
      (body) => savePolicyInput.safeParse({ ...asObject(body), team }).success,
    );
  }, 180_000);

  it('POST …/transitions', async () => {
    await fuzz(
      (body) => api(`${base}/transitions`, { method: 'POST', token: maintainerToken, body }),
      bent({ to: 'staging', comment: 'c' }, ['to', 'comment']),
      // Every body is refused: from submitted, "draft" is a withdrawal and "approved_staging" a
      // decision, which a token may not make; the rest are no move at all.
      () => false,
    );
  }, 180_000);

  it('POST …/decisions', async () => {
    await fuzz(
      (body) => api(`${base}/decisions`, { method: 'POST', headers: { cookie: maintainer }, body }),
      bent({ decision: 'approve', comment: 'c' }, ['decision', 'comment']),
      (body) => decisionInput.safeParse({ ...asObject(body), ...key() }).success,
    );
  }, 180_000);

  it('PUT …/aliases/{alias}', async () => {
    const request = fc.record({ alias: fc.oneof(fc.constantFrom('latest', 'v2', 'LATEST', 'a b', 'champion'), fc.string({ maxLength: 12 })), body: bent({ version: '1.0.0' }, ['version', 'comment']) });
    const before = await teamState();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ alias, body }) => {
        fc.pre(!setAliasInput.safeParse({ ...asObject(body), modelId, alias }).success && alias.length > 0);
        sent++;
        expectRefusal(await api(`/api/v1/models/${modelId}/aliases/${encodeURIComponent(alias)}`, { method: 'PUT', token: contributor, body }), { alias, body });
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(await teamState()).toBe(before);
  }, 180_000);
});

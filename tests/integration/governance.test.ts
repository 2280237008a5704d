import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, modelVersions, versionTransitions } from '../../db/schema';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { ragExport } from '../helpers/rag';
import { signInAs } from '../helpers/session';
import { inject } from 'vitest';

let db: Connection;
let team: string;
let contributor: string; // a token, as CI pipelines use
let maintainerToken: string;
const people = {} as Record<'carol' | 'mia' | 'max' | 'ada' | 'vic', string>;
let counter = 0;

/** `npm run audit:verify -- --bundle file` as an auditor runs it, away from the database. */
function verifyBundleFile(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.resolve('scripts/audit-verify.ts'), '--bundle', file], { env: { ...process.env, LOG_LEVEL: 'warn' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

const as = (who: string) => ({ headers: { cookie: who } });
const post = (path: string, who: { token?: string; headers?: Record<string, string> }, body: unknown) => api(path, { method: 'POST', ...who, body });
const put = (path: string, who: { token?: string; headers?: Record<string, string> }, body: unknown) => api(path, { method: 'PUT', ...who, body });

/** A fresh model version of the team, as a contributor's pipeline registers it. */
async function fresh(overrides: Record<string, unknown> = {}) {
  const name = `gov-${++counter}`;
  const res = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name, team, description: 'Scores card transactions', ...overrides }) });
  expect(res.status).toBe(201);
  return { base: `/api/v1/models/${res.body.modelId}/1.0.0`, modelId: res.body.modelId as string, name };
}

const savePolicy = (document: unknown) => put(`/api/v1/teams/${team}/policy`, as(people.mia), { document, comment: 'test rules' });

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('gov');
  contributor = await tokenFor(db.db, team);
  maintainerToken = await tokenFor(db.db, team, { role: 'maintainer' });
  people.carol = await signInAs(db.db, uniqueSlug('carol'), [`mlreg-${team}-contributor`]);
  people.mia = await signInAs(db.db, uniqueSlug('mia'), [`mlreg-${team}-maintainer`]);
  people.max = await signInAs(db.db, uniqueSlug('max'), [`mlreg-${team}-maintainer`]);
  people.ada = await signInAs(db.db, uniqueSlug('ada'), ['mlreg-admins']);
  people.vic = await signInAs(db.db, uniqueSlug('vic'), [`mlreg-${team}-viewer`]);
  // Start from the built-in rules: one approval to staging.
  expect((await savePolicy({ states: { approved_staging: { approvals: 1 } } })).status).toBe(200);
});
afterAll(() => db.close());

describe('the lifecycle', () => {
  it('is served as data', async () => {
    const res = await api('/api/v1/lifecycle');
    expect(res.status).toBe(200);
    expect(res.body.states).toEqual(['draft', 'submitted', 'changes_requested', 'approved_staging', 'staging', 'approved_prod', 'production', 'deprecated', 'retired']);
    expect(res.body.edges).toContainEqual(expect.objectContaining({ from: 'draft', to: 'submitted', kind: 'review', role: 'contributor' }));
  });

  it('refuses an illegal move with 409 naming the allowed ones, changing nothing', async () => {
    const { base } = await fresh();
    const res = await post(`${base}/transitions`, as(people.mia), { to: 'production' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('A draft version cannot move to production');
    expect(res.body.error.details.allowed.map((a: { to: string }) => a.to)).toEqual(['submitted', 'retired']);
    expect((await api(base, { token: contributor })).body.state).toBe('draft');
  });
});

describe('reviews and decisions', () => {
  it('moves a submitted version to approved_staging on a maintainer\'s approval, keeping who asked and who decided', async () => {
    const { base } = await fresh();
    const opened = await post(`${base}/reviews`, { token: contributor }, { environment: 'staging', comment: 'ready for staging' });
    expect(opened.status).toBe(201);
    expect(opened.body.state).toBe('submitted');
    expect(opened.body.checks[0]).toMatchObject({ to: 'approved_staging', allowed: false });
    const approved = await post(`${base}/decisions`, as(people.mia), { decision: 'approve', comment: 'looks good' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved_staging');
    expect(approved.body.transitions.map((t: { to: string }) => t.to)).toEqual(['submitted', 'approved_staging']);
    expect(approved.body.transitions[1].requestedBy.kind).toBe('token');
    expect(approved.body.transitions[1].decidedBy.map((p: { kind: string }) => p.kind)).toEqual(['user']);
    expect(approved.body.reviews[0]).toMatchObject({ status: 'approved', environment: 'staging' });
  });

  it('never lets the requester decide (four eyes), nor a token, nor a contributor', async () => {
    const { base } = await fresh();
    expect((await post(`${base}/reviews`, as(people.mia), { environment: 'staging' })).status).toBe(201);
    const own = await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('another maintainer must decide');
    expect((await post(`${base}/decisions`, { token: maintainerToken }, { decision: 'approve' })).status).toBe(403);
    expect((await post(`${base}/decisions`, as(people.carol), { decision: 'approve' })).status).toBe(403);
    expect((await api(base, { token: contributor })).body.state).toBe('submitted');
  });

  it('counts an approval once per person, and moves when the quorum is in', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 2 } } });
    try {
      const { base } = await fresh();
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      expect((await post(`${base}/decisions`, as(people.max), { decision: 'approve' })).body.state).toBe('submitted');
      const again = await post(`${base}/decisions`, as(people.max), { decision: 'approve' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('counts once per person');
      const second = await post(`${base}/decisions`, as(people.ada), { decision: 'approve' });
      expect(second.body.state).toBe('approved_staging');
      expect(second.body.transitions.at(-1).decidedBy).toHaveLength(2);
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });

  it('lets a person decide through a token they made: it counts as them, once, and never on their own request', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 2 } } });
    try {
      const made = await post('/api/v1/tokens', as(people.mia), { name: 'mia-cli', team, scopes: ['read', 'write'], role: 'maintainer' });
      expect(made.status).toBe(201);
      const miaToken = made.body.token as string;
      const { base } = await fresh();
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      const byToken = await post(`${base}/decisions`, { token: miaToken }, { decision: 'approve', comment: 'from the CLI' });
      expect(byToken.status).toBe(200);
      expect(byToken.body.openReview.approvals.map((a: { approver: { kind: string } }) => a.approver.kind)).toEqual(['user']);
      const again = await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('counts once per person');

      // A review Mia asked for through her token is hers: she may not decide it, however she comes.
      const other = await fresh();
      const opened = await post(`${other.base}/reviews`, { token: miaToken }, { environment: 'staging' });
      expect(opened.body.openReview.requestedBy.kind).toBe('user');
      expect((await post(`${other.base}/decisions`, as(people.mia), { decision: 'approve' })).status).toBe(403);
      expect((await post(`${other.base}/decisions`, { token: miaToken }, { decision: 'approve' })).status).toBe(403);
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });

  it('requests changes only with a comment, and the contributor resubmits', async () => {
    const { base } = await fresh();
    await post(`${base}/reviews`, { token: contributor }, { environment: 'staging' });
    const bare = await post(`${base}/decisions`, as(people.mia), { decision: 'request_changes' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fieldErrors.comment).toEqual(['Required: say what should change']);
    const asked = await post(`${base}/decisions`, as(people.mia), { decision: 'request_changes', comment: 'add the safety evaluation' });
    expect(asked.body.state).toBe('changes_requested');
    expect(asked.body.transitions.at(-1)).toMatchObject({ to: 'changes_requested', comment: 'add the safety evaluation' });
    expect((await post(`${base}/reviews`, { token: contributor }, { environment: 'staging' })).body.state).toBe('submitted');
    const withdrawn = await post(`${base}/reviews/withdraw`, { token: contributor }, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('draft');
  });

  it('ends two approvals racing for a two-approval quorum in one transition', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 2 } } });
    try {
      const { base } = await fresh();
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      const [a, b] = await Promise.all([post(`${base}/decisions`, as(people.mia), { decision: 'approve' }), post(`${base}/decisions`, as(people.max), { decision: 'approve' })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const view = (await api(`${base}/governance`, { token: contributor })).body;
      expect(view.state).toBe('approved_staging');
      expect(view.transitions.filter((t: { to: string }) => t.to === 'approved_staging')).toHaveLength(1);
      expect(view.reviews[0].approvals).toHaveLength(2);
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });

  it('ends an approval racing a change of the preferences consistently: the approval stands only if it came after', async () => {
    for (let round = 0; round < 3; round++) {
      const { base } = await fresh();
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      const [approval, change] = await Promise.all([
        post(`${base}/decisions`, as(people.mia), { decision: 'approve' }),
        put(base, { token: contributor }, { deploymentConfig: { memoryMb: 4096, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' } }),
      ]);
      expect([approval.status, change.status]).toEqual([200, 200]);
      const view = (await api(`${base}/governance`, { token: contributor })).body;
      const standing = view.reviews[0].approvals.filter((a: { withdrawnAt: string | null }) => !a.withdrawnAt);
      // Which committed first, from the audit trail (its chain orders the two transactions).
      const trail = await db.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.resourceId, change.body.id))
        .orderBy(auditLog.seq);
      const actions = trail.map((r) => r.action).filter((a) => a === 'version.approved' || a === 'version.updated');
      expect(actions).toHaveLength(2);
      const approvedAfterChange = actions[0] === 'version.updated';
      // Either the change came first and the approval stands (approved), or the approval came
      // first and the change withdrew it (back in review): never an approval of what changed.
      expect(view.state).toBe(approvedAfterChange ? 'approved_staging' : 'submitted');
      expect(standing).toHaveLength(approvedAfterChange ? 1 : 0);
      expect(view.transitions.at(-1).to).toBe(approvedAfterChange ? 'approved_staging' : 'submitted');
    }
  });
});

describe('approvals are withdrawn when what they approved changes', () => {
  it('by new preferences after approval: the version returns to review', async () => {
    const { base } = await fresh();
    await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
    await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
    const changed = await put(base, { token: contributor }, { deploymentConfig: { memoryMb: 4096, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' } });
    expect(changed.status).toBe(200);
    expect(changed.body.state).toBe('submitted');
    const view = (await api(`${base}/governance`, { token: contributor })).body;
    expect(view.openReview.approvals[0]).toMatchObject({ withdrawnReason: 'deployment preferences changed' });
    expect(view.transitions.at(-1)).toMatchObject({ from: 'approved_staging', to: 'submitted' });
    // Tags are not what was approved: they change freely.
    expect((await put(base, { token: contributor }, { tags: ['reviewed'] })).body.state).toBe('submitted');
  });

  it('by an artifact added during the review; artifacts are frozen once approved', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 2 } } });
    try {
      const { base } = await fresh();
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
      const added = await post(`${base}/artifacts`, { token: contributor }, { type: 'weights', uri: 's3://ml-models/gov/w.bin', sha256: 'b'.repeat(64), sizeBytes: 1024 });
      expect(added.status).toBe(201);
      const view = (await api(`${base}/governance`, { token: contributor })).body;
      expect(view.openReview.approvals[0].withdrawnReason).toBe('artifact s3://ml-models/gov/w.bin added');
      expect(view.checks[0].conditions[0]).toMatchObject({ id: 'approvals', met: false, detail: 'none yet' });
      await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
      expect((await post(`${base}/decisions`, as(people.max), { decision: 'approve' })).body.state).toBe('approved_staging');
      const frozen = await post(`${base}/artifacts`, { token: contributor }, { type: 'config', uri: 's3://ml-models/gov/c.json' });
      expect(frozen.status).toBe(409);
      expect(frozen.body.error.message).toContain('register a new version');
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });
});

describe('policies', () => {
  it('are type-checked when saved, kept as revisions, and changed only by maintainers', async () => {
    const bad = await put(`/api/v1/teams/${team}/policy`, as(people.mia), { document: { states: { production: { approvals: 'two', quorum: 3 } } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fieldErrors).sort()).toEqual(['document.states.production.approvals', 'document.states.production.quorum']);
    expect((await put(`/api/v1/teams/${team}/policy`, as(people.carol), { document: { states: {} } })).status).toBe(403);
    const before = (await api(`/api/v1/teams/${team}/policy`, as(people.vic))).body;
    expect(before.inherited).toBe(false);
    const saved = await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    expect(saved.body.revision).toBe(before.revision + 1);
    const history = (await api(`/api/v1/policies/history?team=${team}`, as(people.vic))).body;
    expect(history[0].revision).toBe(saved.body.revision);
    expect(history.length).toBeGreaterThanOrEqual(2);
  });

  it('block each condition until it is met, listing every unmet one in words; the dry run changes nothing', async () => {
    await savePolicy({
      states: { approved_staging: { approvals: 1, passedEvaluations: ['safety'], artifactChecksums: true, modelCard: true } },
    });
    try {
      const { base } = await fresh({ description: undefined });
      await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
      const blocked = await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
      expect(blocked.body.state).toBe('submitted');
      const check = (await post(`${base}/policy-check`, as(people.vic), { to: 'approved_staging' })).body;
      expect(check.allowed).toBe(false);
      expect(check.conditions.filter((c: { met: boolean }) => !c.met).map((c: { id: string }) => c.id)).toEqual(['evaluation:safety', 'artifact-checksums', 'model-card']);

      const failing = await post(`${base}/evaluations`, { token: contributor }, { suite: 'safety', metrics: { safety: { toxicity: 0.2 } }, thresholds: { 'safety.toxicity': { max: 0.05 } }, datasetRef: 's3://eval/safety-v3' });
      expect(failing.status).toBe(201);
      expect(failing.body).toMatchObject({ passed: false, failures: ['safety.toxicity is 0.2, above the maximum 0.05'] });
      const stillBlocked = await post(`${base}/transitions`, as(people.max), { to: 'approved_staging' });
      expect(stillBlocked.status).toBe(409);
      expect(stillBlocked.body.error.message).toContain('the latest "safety" evaluation passed (failed: safety.toxicity is 0.2, above the maximum 0.05)');

      await post(`${base}/evaluations`, { token: contributor }, { suite: 'safety', metrics: { safety: { toxicity: 0.01 } }, thresholds: { 'safety.toxicity': { max: 0.05 } } });
      await post(`${base}/artifacts`, { token: contributor }, { type: 'weights', uri: 's3://ml-models/gov/w2.bin' });
      const noChecksum = (await post(`${base}/policy-check`, as(people.vic), { to: 'approved_staging' })).body;
      expect(noChecksum.conditions.find((c: { id: string }) => c.id === 'artifact-checksums')).toMatchObject({ met: false, detail: 'no checksum for s3://ml-models/gov/w2.bin' });
      // A draft policy can be tried against the version before it is saved.
      const draft = await post(`${base}/policy-check`, as(people.vic), { to: 'approved_staging', document: { states: { approved_staging: { passedEvaluations: ['safety'] } } } });
      expect(draft.body).toMatchObject({ allowed: true, policy: { source: 'draft' } });
      expect((await api(base, { token: contributor })).body.state).toBe('submitted');
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });
});

describe('to production, and aliases', () => {
  it('takes a version through staging to production, with protected aliases following the policy', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 1 }, approved_prod: { approvals: 1 } }, protectedAliases: { production: 'production' } });
    const { base, modelId, name } = await fresh();
    await post(`${base}/reviews`, as(people.carol), { environment: 'staging' });
    await post(`${base}/decisions`, as(people.mia), { decision: 'approve' });
    expect((await post(`${base}/transitions`, { token: contributor }, { to: 'staging' })).body.state).toBe('staging');

    const early = await put(`/api/v1/models/${modelId}/aliases/production`, as(people.mia), { version: '1.0.0' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('"production" is protected');
    // Preferences of a version in staging are what runs there: a change needs a new version.
    expect((await put(base, { token: contributor }, { deploymentConfig: { memoryMb: 1024, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' } })).status).toBe(409);

    await post(`${base}/reviews`, as(people.carol), { environment: 'production', comment: 'a week in staging, no incidents' });
    const prodApproved = await post(`${base}/decisions`, as(people.max), { decision: 'approve' });
    expect(prodApproved.body.state).toBe('approved_prod');
    expect((await post(`${base}/transitions`, { token: contributor }, { to: 'production' })).body.state).toBe('production');

    expect((await put(`/api/v1/models/${modelId}/aliases/production`, as(people.carol), { version: '1.0.0' })).status).toBe(403);
    const moved = await put(`/api/v1/models/${modelId}/aliases/production`, as(people.mia), { version: '1.0.0', comment: 'release' });
    expect(moved.status).toBe(200);
    expect((await put(`/api/v1/models/${modelId}/aliases/candidate`, { token: contributor }, { version: '1.0.0' })).status).toBe(200);

    const resolved = await api(`/api/v1/teams/${team}/models/${name}/aliases/production`, as(people.vic));
    expect(resolved.body).toMatchObject({ version: '1.0.0', state: 'production' });
    expect((await api(`/api/v1/teams/${team}/models/${name}/aliases/latest`, as(people.vic))).body.version).toBe('1.0.0');
    const withAlias = await api(`/api/v1/models?team=${team}&alias=production`, as(people.vic));
    expect(withAlias.body.items.map((m: { name: string; inProduction: string[] }) => [m.name, m.inProduction])).toEqual([[name, ['1.0.0']]]);
    const aliases = (await api(`/api/v1/models/${modelId}/aliases`, as(people.vic))).body;
    expect(aliases.aliases.map((a: { alias: string }) => a.alias)).toEqual(['candidate', 'production']);
    expect(aliases.history.find((m: { alias: string }) => m.alias === 'production')).toMatchObject({ from: null, to: '1.0.0', comment: 'release' });

    const view = (await api(`${base}/governance`, as(people.vic))).body;
    expect(view.transitions.map((t: { to: string }) => t.to)).toEqual(['submitted', 'approved_staging', 'staging', 'approved_prod', 'production']);
    expect(view.aliases).toEqual(['candidate', 'production']);
    const [versionRow] = await db.db.select().from(modelVersions).where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, '1.0.0')));
    const history = await db.db.select().from(versionTransitions).where(eq(versionTransitions.versionId, versionRow!.id));
    expect(history).toHaveLength(5);
    const audited = await db.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.resourceId, versionRow!.id));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['version.review_opened', 'version.approved', 'version.transitioned']));

    // The evidence bundle: everything in one document, checked offline by the documented command.
    expect((await api(`${base}/evidence`, as(people.carol))).status).toBe(403);
    const bundle = await api(`${base}/evidence`, as(people.mia));
    expect(bundle.status).toBe(200);
    expect(bundle.body).toMatchObject({ format: 'model-registry-evidence/1', team, version: { version: '1.0.0', state: 'production' }, governance: { aliases: ['candidate', 'production'] } });
    expect(bundle.body.governance.reviews.map((r: { environment: string; status: string }) => `${r.environment}:${r.status}`)).toEqual(['production:approved', 'staging:approved']);
    expect(bundle.body.audit.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['model.created', 'version.approved', 'alias.moved']));
    const dir = mkdtempSync(path.join(tmpdir(), 'evidence-'));
    const file = path.join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle.body));
    const intact = await verifyBundleFile(file);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain(`Evidence intact: ${bundle.body.audit.length} audit records of ${team}/${name} 1.0.0 match their hashes`);
    const approval = bundle.body.audit.findIndex((r: { action: string }) => r.action === 'version.approved');
    bundle.body.audit[approval].summary.comment = 'rubber-stamped';
    writeFileSync(file, JSON.stringify(bundle.body));
    const tampered = await verifyBundleFile(file);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`Evidence BROKEN: record ${bundle.body.audit[approval].seq} of chain`);
    rmSync(dir, { recursive: true });
  });

  it('refuses alias names MLflow refuses, and another team cannot see them', async () => {
    const { modelId } = await fresh();
    const latest = await put(`/api/v1/models/${modelId}/aliases/latest`, { token: contributor }, { version: '1.0.0' });
    expect(latest.status).toBe(400);
    expect(latest.body.error.details.fieldErrors.alias[0]).toContain('derived');
    expect((await put(`/api/v1/models/${modelId}/aliases/v3`, { token: contributor }, { version: '1.0.0' })).status).toBe(400);
    const outsider = await tokenFor(db.db, uniqueSlug('gov-out'), { role: 'maintainer' });
    expect((await api(`/api/v1/models/${modelId}/aliases`, { token: outsider })).status).toBe(404);
  });
});

describe("a model's facts", () => {
  it('are kept by maintainers, audited, re-exported, and decide which risk-tier rules apply', async () => {
    await savePolicy({ states: { approved_staging: { approvals: 1 } }, riskTiers: { high: { approved_staging: { approvals: 2, modelCard: true } } } });
    try {
      const { base, modelId } = await fresh({ description: undefined });
      const exporter = await tokenFor(db.db, team, { scopes: ['read', 'export'] });
      const { cursor } = await ragExport(inject('appUrl'), { token: exporter }, { team });
      expect((await put(`/api/v1/models/${modelId}`, as(people.carol), { riskTier: 'high' })).status).toBe(403);
      expect((await put(`/api/v1/models/${modelId}`, as(people.mia), {})).status).toBe(400);

      const updated = await put(`/api/v1/models/${modelId}`, as(people.mia), { description: '# Card\nScores transactions.', owners: ['mia@example.test'], riskTier: 'high' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ description: '# Card\nScores transactions.', owners: ['mia@example.test'], riskTier: 'high' });
      const check = (await post(`${base}/policy-check`, as(people.vic), { to: 'approved_staging' })).body;
      expect(check.conditions.map((c: { id: string; met: boolean }) => [c.id, c.met])).toEqual([
        ['approvals', false],
        ['model-card', true],
      ]);
      expect(check.conditions[0].requirement).toContain('2 approvals');

      const since = await ragExport(inject('appUrl'), { token: exporter }, { team, since: cursor! });
      const doc = since.documents.find((d) => d.op === 'upsert' && d.modelId === modelId);
      expect(doc).toMatchObject({ metadata: { riskTier: 'high', owners: ['mia@example.test'] } });
      const [record] = await db.db.select().from(auditLog).where(and(eq(auditLog.resourceId, modelId), eq(auditLog.action, 'model.updated')));
      expect(record!.summary).toMatchObject({ changed: { riskTier: { from: null, to: 'high' } } });
    } finally {
      await savePolicy({ states: { approved_staging: { approvals: 1 } } });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { policyDocumentSchema } from '../../server/schemas/policy';
import { thresholdFailures } from '../../server/services/governance/evaluate';
import { auditHash, recordSignature } from '../../server/services/audit/hash';
import { verifyBundleRecords } from '../../server/services/audit/verify-bundle';
import { checkRequirements, requirementsFor, type VersionFacts } from '../../server/services/governance/rules';

const facts = (overrides: Partial<VersionFacts> = {}): VersionFacts => ({
  riskTier: null,
  modelCard: null,
  approvals: { staging: [], production: [] },
  evaluations: new Map(),
  artifacts: [],
  enteredStagingAt: null,
  now: new Date('2026-03-03T12:00:00Z'),
  ...overrides,
});

const policy = policyDocumentSchema.parse({
  states: { approved_prod: { approvals: 1, artifactChecksums: true, modelCard: true, minHoursInStaging: 24 } },
  riskTiers: { high: { approved_prod: { approvals: 2, passedEvaluations: ['safety'] } } },
});

describe('requirementsFor', () => {
  it("adds the risk tier's rules to the base, keeping the stricter of each", () => {
    expect(requirementsFor(policy, 'approved_prod', null)).toEqual(policy.states.approved_prod);
    expect(requirementsFor(policy, 'approved_prod', 'high')).toEqual({
      approvals: 2,
      adminApprovals: undefined,
      passedEvaluations: ['safety'],
      artifactTypes: undefined,
      artifactChecksums: true,
      modelCard: true,
      minHoursInStaging: 24,
    });
    expect(requirementsFor(policy, 'staging', 'high')).toEqual({});
  });
});

describe('checkRequirements', () => {
  const high = requirementsFor(policy, 'approved_prod', 'high');

  it('lists every unmet condition in words', () => {
    const conditions = checkRequirements(high, facts({ artifacts: [{ type: 'weights', uri: 's3://b/w', sha256: null }] }), 'production');
    expect(conditions.map((c) => [c.id, c.met, c.detail])).toEqual([
      ['approvals', false, 'none yet'],
      ['evaluation:safety', false, 'no evaluation recorded'],
      ['artifact-checksums', false, 'no checksum for s3://b/w'],
      ['model-card', false, 'the model has no description'],
      ['min-staging-age', false, 'never in staging'],
    ]);
    expect(conditions[0]!.requirement).toBe('2 approvals for production by maintainers other than the requester');
  });

  it('meets each once the facts are there, and names the failures of a failed suite', () => {
    const met = facts({
      approvals: { staging: [], production: [{ approverName: 'Mia', isAdmin: false }, { approverName: 'Max', isAdmin: true }] },
      evaluations: new Map([['safety', { passed: true, failures: [] }]]),
      artifacts: [{ type: 'weights', uri: 's3://b/w', sha256: 'a'.repeat(64) }],
      modelCard: 'Scores transactions',
      enteredStagingAt: new Date('2026-03-02T11:00:00Z'),
    });
    expect(checkRequirements(high, met, 'production').every((c) => c.met)).toBe(true);
    const failed = checkRequirements(high, { ...met, evaluations: new Map([['safety', { passed: false, failures: ['safety.toxicity is 0.2, above the maximum 0.05'] }]]) }, 'production');
    expect(failed.find((c) => c.id === 'evaluation:safety')).toMatchObject({ met: false, detail: 'failed: safety.toxicity is 0.2, above the maximum 0.05' });
    // Staging approvals do not count for production.
    expect(checkRequirements(high, { ...met, approvals: { staging: met.approvals.production, production: [] } }, 'production')[0]!.met).toBe(false);
  });
});

describe('thresholdFailures', () => {
  it('passes only when every bound is met by a measured metric', () => {
    const metrics = { task: { auc: 0.93 }, safety: { toxicity: 0.2 } };
    expect(thresholdFailures(metrics, { 'task.auc': { min: 0.9 } })).toEqual([]);
    expect(thresholdFailures(metrics, { 'task.auc': { min: 0.95 }, 'safety.toxicity': { max: 0.05 }, 'bias.gap': { max: 0.1 } })).toEqual([
      'task.auc is 0.93, below the minimum 0.95',
      'safety.toxicity is 0.2, above the maximum 0.05',
      'bias.gap was not measured',
    ]);
  });
});

describe('policyDocumentSchema', () => {
  it('type-checks a policy when it is saved', () => {
    const bad = policyDocumentSchema.safeParse({ states: { production: { approvals: '2', quorum: 3 } }, protectedAliases: { latest: 'production' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['protectedAliases.latest', 'states.production', 'states.production.approvals']);
  });
});

describe('verifyBundleRecords', () => {
  const key = 'k'.repeat(32);
  const record = (seq: number, prevHash: string) => {
    const fields = { id: crypto.randomUUID(), chainKey: 'team-1', seq, occurredAt: '2026-03-03T12:00:00.000Z', actor: { kind: 'user' as const, id: 'u', name: 'Mia' }, teamId: null, action: 'version.approved', resourceType: 'model_version', resourceId: 'v', correlationId: 'c', summary: { comment: 'ok' }, prevHash };
    const hash = auditHash({ ...fields, occurredAt: new Date(fields.occurredAt) });
    return { ...fields, hash, signature: recordSignature(key, hash) };
  };

  it('accepts records that match their hashes, links and signatures, and names each that does not', () => {
    const first = record(1, '0'.repeat(64));
    const second = record(2, first.hash);
    expect(verifyBundleRecords([first, second], key).problems).toEqual([]);
    // Rehashed after an edit: the hash matches again, but the signature (and the link) give it away.
    const edited = { ...second, summary: { comment: 'forged' } };
    const rehashed = { ...edited, hash: auditHash({ ...edited, occurredAt: new Date(edited.occurredAt) }) };
    expect(verifyBundleRecords([first, rehashed], key).problems).toEqual(['record 2 of chain team-1 (version.approved): its signature does not match']);
    expect(verifyBundleRecords([first, edited]).problems).toEqual(['record 2 of chain team-1 (version.approved): its content no longer matches its hash']);
    expect(verifyBundleRecords([first, record(2, 'f'.repeat(64))]).problems).toEqual(['record 2 of chain team-1 (version.approved): does not point at the hash of record 1']);
  });
});

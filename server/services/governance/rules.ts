import type { PolicyDocument, Requirements } from '@/db/schema/json-columns';
import type { Environment } from '../../schemas/lifecycle';
import type { Condition, PolicyState } from '../../schemas/policy';

/** What a policy is checked against: the facts of one version, gathered in its transaction. */
export interface VersionFacts {
  riskTier: 'low' | 'medium' | 'high' | null;
  modelCard: string | null;
  /** Standing approvals of the latest review for each environment. */
  approvals: Record<Environment, { approverName: string; isAdmin: boolean }[]>;
  /** The latest evaluation of each suite. */
  evaluations: Map<string, { passed: boolean; failures: string[] }>;
  artifacts: { type: string; uri: string; sha256: string | null }[];
  /** When the version last entered staging, if it did. */
  enteredStagingAt: Date | null;
  now: Date;
}

/** The environment whose approvals a state counts. */
export const environmentOf = (state: PolicyState): Environment => (state === 'approved_staging' || state === 'staging' ? 'staging' : 'production');

const union = <T>(a: T[] | undefined, b: T[] | undefined) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/** What a state needs for a model of this risk tier: the base rules and the tier's, the stricter of each. */
export function requirementsFor(policy: PolicyDocument, state: PolicyState, riskTier: VersionFacts['riskTier']): Requirements {
  const base = policy.states[state] ?? {};
  const tier = riskTier ? policy.riskTiers?.[riskTier]?.[state] : undefined;
  if (!tier) return base;
  return {
    approvals: max(base.approvals, tier.approvals),
    adminApprovals: max(base.adminApprovals, tier.adminApprovals),
    passedEvaluations: union(base.passedEvaluations, tier.passedEvaluations),
    artifactTypes: union(base.artifactTypes, tier.artifactTypes),
    artifactChecksums: base.artifactChecksums || tier.artifactChecksums || undefined,
    modelCard: base.modelCard || tier.modelCard || undefined,
    minHoursInStaging: max(base.minHoursInStaging, tier.minHoursInStaging),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Each requirement as a condition a person can read: what is needed, whether it is met, and what was found. */
export function checkRequirements(requirements: Requirements, facts: VersionFacts, environment: Environment): Condition[] {
  const conditions: Condition[] = [];
  const approvals = facts.approvals[environment];
  if (requirements.approvals) {
    conditions.push({
      id: 'approvals',
      requirement: `${plural(requirements.approvals, 'approval')} for ${environment} by maintainers other than the requester`,
      met: approvals.length >= requirements.approvals,
      detail: approvals.length ? `${approvals.length} so far: ${approvals.map((a) => a.approverName).join(', ')}` : 'none yet',
    });
  }
  if (requirements.adminApprovals) {
    const admins = approvals.filter((a) => a.isAdmin);
    conditions.push({
      id: 'admin-approvals',
      requirement: `${plural(requirements.adminApprovals, 'approval')} for ${environment} by a platform admin`,
      met: admins.length >= requirements.adminApprovals,
      detail: admins.length ? `${admins.length} so far: ${admins.map((a) => a.approverName).join(', ')}` : 'none yet',
    });
  }
  for (const suite of requirements.passedEvaluations ?? []) {
    const latest = facts.evaluations.get(suite);
    conditions.push({
      id: `evaluation:${suite}`,
      requirement: `the latest "${suite}" evaluation passed`,
      met: latest?.passed === true,
      detail: !latest ? 'no evaluation recorded' : latest.passed ? 'passed' : `failed: ${latest.failures.join('; ')}`,
    });
  }
  for (const type of requirements.artifactTypes ?? []) {
    const found = facts.artifacts.filter((a) => a.type === type).length;
    conditions.push({ id: `artifact:${type}`, requirement: `a ${type} artifact is recorded`, met: found > 0, detail: found ? plural(found, 'recorded') : 'none recorded' });
  }
  if (requirements.artifactChecksums) {
    const missing = facts.artifacts.filter((a) => !a.sha256);
    conditions.push({
      id: 'artifact-checksums',
      requirement: 'artifacts are recorded, each with its SHA-256 checksum',
      met: facts.artifacts.length > 0 && missing.length === 0,
      detail: facts.artifacts.length === 0 ? 'no artifact recorded' : missing.length ? `no checksum for ${missing.map((a) => a.uri).join(', ')}` : `${plural(facts.artifacts.length, 'artifact')}, all with checksums`,
    });
  }
  if (requirements.modelCard) {
    const written = (facts.modelCard ?? '').trim().length > 0;
    conditions.push({ id: 'model-card', requirement: "the model's card (description) is written", met: written, detail: written ? 'written' : 'the model has no description' });
  }
  if (requirements.minHoursInStaging) {
    const hours = facts.enteredStagingAt ? (facts.now.getTime() - facts.enteredStagingAt.getTime()) / 3_600_000 : null;
    conditions.push({
      id: 'min-staging-age',
      requirement: `at least ${plural(requirements.minHoursInStaging, 'hour')} in staging`,
      met: hours !== null && hours >= requirements.minHoursInStaging,
      detail: hours === null ? 'never in staging' : `${Math.floor(hours * 10) / 10} hours so far`,
    });
  }
  return conditions;
}

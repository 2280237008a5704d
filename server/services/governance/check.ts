import type { Database } from '@/db/client';
import type { PolicyDocument } from '@/db/schema/json-columns';
import { conflict } from '../../errors/app-error';
import type { PolicyCheck, PolicyState } from '../../schemas/policy';
import type { ModelRow, VersionRow } from '../models/serialize';
import { versionFacts } from './facts';
import { policyInForce } from './policy-source';
import { checkRequirements, environmentOf, requirementsFor } from './rules';

/** The checklist of the policy in force (or a draft) for the version to enter a state; changes nothing. */
export async function policyChecklist(
  db: Database,
  model: Pick<ModelRow, 'teamId' | 'riskTier' | 'description'>,
  version: Pick<VersionRow, 'id'>,
  to: PolicyState,
  draft?: PolicyDocument,
): Promise<PolicyCheck> {
  const inForce = draft ? null : await policyInForce(db, model.teamId);
  const document = draft ?? inForce!.document;
  const facts = await versionFacts(db, model, version);
  const conditions = checkRequirements(requirementsFor(document, to, facts.riskTier), facts, environmentOf(to));
  const policy = inForce
    ? { source: inForce.revision === 0 ? ('built-in' as const) : inForce.teamId ? ('team' as const) : ('platform' as const), revision: inForce.revision }
    : { source: 'draft' as const, revision: 0 };
  return { to, allowed: conditions.every((c) => c.met), conditions, policy };
}

/** A 409 listing every unmet condition, in words, with the whole checklist in its details. */
export function assertAllowed(check: PolicyCheck, what: string): void {
  if (check.allowed) return;
  const unmet = check.conditions.filter((c) => !c.met);
  throw conflict(`${what} is blocked by the policy: ${unmet.map((c) => `${c.requirement} (${c.detail})`).join('; ')}`, { policyCheck: check });
}

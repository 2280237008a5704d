import type { VersionGovernance } from '../../schemas/governance';
import type { PolicyCheck, PolicyCheckInput } from '../../schemas/policy';
import { READ, operation } from '../operation';
import { findLiveVersion } from '../versions/find';
import { policyChecklist } from './check';
import { governanceView } from './view';

/** A version's reviews, history, evidence, aliases and the checklists of its next states. */
export const getGovernance = operation(READ, async ({ db, actor }, key: { modelId: string; version: string }): Promise<VersionGovernance> => {
  const { model, version } = await findLiveVersion(db, actor.principal, key);
  return governanceView(db, model, version);
});

/** The policy's checklist for a move, changing nothing (for the portal, CI pipelines and policy drafts). */
export const checkPolicy = operation(READ, async ({ db, actor }, input: PolicyCheckInput): Promise<PolicyCheck> => {
  const { model, version } = await findLiveVersion(db, actor.principal, input);
  return policyChecklist(db, model, version, input.to, input.document);
});

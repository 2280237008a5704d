import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { versionApprovals, versionReviews } from '@/db/schema';
import type { Actor, PrincipalRef } from '../../auth/principal';
import { conflict, forbidden } from '../../errors/app-error';
import type { DecisionInput } from '../../schemas/lifecycle';
import type { PolicyCheck } from '../../schemas/policy';
import type { VersionGovernance } from '../../schemas/governance';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import type { ModelRow, VersionRow } from '../models/serialize';
import { operation } from '../operation';
import { policyChecklist } from './check';
import { edgeOrConflict } from './lifecycle';
import { assertPerson, lockedVersion } from './locked-version';
import { moveState } from './move-state';
import { governanceView } from './view';

type Review = typeof versionReviews.$inferSelect;
type Target = { model: ModelRow; version: VersionRow };

async function openReviewOf(tx: Database, version: VersionRow): Promise<Review> {
  const [review] = await tx.select().from(versionReviews).where(and(eq(versionReviews.versionId, version.id), eq(versionReviews.status, 'open')));
  if (!review) throw conflict(`Version ${version.version} has no open review to decide: it is ${version.state}`, { state: version.state });
  return review;
}

/** Four eyes: whoever asked for the review never decides it, whether signed in or through their token. */
function assertNotRequester(person: PrincipalRef, review: Review): void {
  if (review.requestedBy.kind === person.kind && review.requestedBy.id === person.id) {
    throw forbidden('You asked for this review: another maintainer must decide it');
  }
}

/**
 * Approves the version for the review's environment once its policy is met: closes the review and
 * moves the state, naming everyone whose approval stands. Returns the checklist it went by.
 */
export async function approveIfAllowed(tx: Database, actor: Actor, target: Target, review: Review, decider: PrincipalRef): Promise<PolicyCheck> {
  const to = review.environment === 'staging' ? 'approved_staging' : 'approved_prod';
  edgeOrConflict(target.version.state, to, 'decision');
  const check = await policyChecklist(tx, target.model, target.version, to);
  if (!check.allowed) return check;
  const approvers = await tx
    .select({ approver: versionApprovals.approver })
    .from(versionApprovals)
    .where(and(eq(versionApprovals.reviewId, review.id), isNull(versionApprovals.withdrawnAt)))
    .orderBy(versionApprovals.createdAt);
  await tx.update(versionReviews).set({ status: 'approved', closedAt: sql`now()`, closedBy: decider }).where(eq(versionReviews.id, review.id));
  await moveState(tx, actor, target, { to, requestedBy: review.requestedBy, decidedBy: approvers.map((a) => a.approver), reviewId: review.id, comment: review.comment });
  return check;
}

/** A maintainer's decision on the open review: an approval (counted once per person) or a request for changes. */
export const decide = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, input: DecisionInput): Promise<VersionGovernance> =>
  db.transaction(async (tx) => {
    const target = await lockedVersion(tx, actor, input, decide.access.role);
    const { model, version } = target;
    const review = await openReviewOf(tx, version);
    const person = assertPerson(actor, 'decide a review');
    const decider = { kind: person.kind, id: person.id, name: person.name };
    assertNotRequester(decider, review);
    const audit = { teamId: model.teamId, resourceType: 'model_version' as const, resourceId: version.id };
    if (input.decision === 'request_changes') {
      await tx.update(versionReviews).set({ status: 'changes_requested', closedAt: sql`now()`, closedBy: decider }).where(eq(versionReviews.id, review.id));
      if (review.environment === 'staging') {
        await moveState(tx, actor, target, { to: 'changes_requested', requestedBy: review.requestedBy, decidedBy: [decider], reviewId: review.id, comment: input.comment });
      }
      await recordAudit(tx, actor, { ...audit, action: 'version.changes_requested', summary: { modelId: model.id, model: model.name, version: version.version, environment: review.environment, comment: input.comment } });
      return governanceView(tx, model, version);
    }
    await tx
      .insert(versionApprovals)
      .values({ reviewId: review.id, versionId: version.id, environment: review.environment, approver: decider, approverIsAdmin: person.isAdmin, comment: input.comment ?? null })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'version_approvals_once_unique') ? conflict('You have already approved this review: an approval counts once per person') : error;
      });
    await recordAudit(tx, actor, { ...audit, action: 'version.approved', summary: { modelId: model.id, model: model.name, version: version.version, environment: review.environment, comment: input.comment ?? null } });
    await approveIfAllowed(tx, actor, target, review, decider);
    return governanceView(tx, model, version);
  }),
);

export { assertNotRequester, openReviewOf };

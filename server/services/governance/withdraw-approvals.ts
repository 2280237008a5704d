import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { versionApprovals, versionReviews } from '@/db/schema';
import { type Actor, principalRef } from '../../auth/principal';
import { conflict } from '../../errors/app-error';
import type { VersionState } from '../../schemas/lifecycle';
import type { ModelRow, VersionRow } from '../models/serialize';
import { latestReview } from './facts';
import { moveState } from './move-state';

/** States past every approval: what they run is fixed, so a change means a new version. */
const FROZEN: readonly VersionState[] = ['staging', 'production', 'deprecated', 'retired'];

/** Refuses a change to what approvals are about once the version is past them. */
export function assertChangeable(version: Pick<VersionRow, 'state' | 'version'>, what: string, frozenFrom: readonly VersionState[] = FROZEN): void {
  if (frozenFrom.includes(version.state)) {
    throw conflict(`The ${what} of a ${version.state} version cannot change: register a new version instead`, { state: version.state });
  }
}

/**
 * Withdraws the approvals standing on the version after what they approved changed (artifacts,
 * deployment preferences), in the change's transaction: an approved version goes back to review.
 * Returns how many were withdrawn.
 */
export async function withdrawApprovals(tx: Database, actor: Actor, target: { model: Pick<ModelRow, 'id' | 'teamId' | 'name'>; version: VersionRow }, reason: string): Promise<number> {
  const { version } = target;
  const environment = version.state === 'approved_prod' || version.state === 'staging' ? 'production' : 'staging';
  const review = await latestReview(tx, version.id, environment);
  const approvedState = environment === 'staging' ? 'approved_staging' : 'approved_prod';
  const reviewIsStanding = review && (review.status === 'open' || (review.status === 'approved' && version.state === approvedState));
  if (!review || !reviewIsStanding) return 0;
  const withdrawn = await tx
    .update(versionApprovals)
    .set({ withdrawnAt: sql`now()`, withdrawnReason: reason })
    .where(and(eq(versionApprovals.reviewId, review.id), isNull(versionApprovals.withdrawnAt)))
    .returning({ id: versionApprovals.id });
  if (version.state === approvedState) {
    // The approval no longer holds: the review opens again and the version returns to it.
    await tx.update(versionReviews).set({ status: 'open', closedAt: null, closedBy: null }).where(eq(versionReviews.id, review.id));
    await moveState(tx, actor, target, {
      to: environment === 'staging' ? 'submitted' : 'staging',
      requestedBy: principalRef(actor.principal),
      reviewId: review.id,
      comment: `Approvals withdrawn: ${reason}`,
    });
  }
  return withdrawn.length;
}

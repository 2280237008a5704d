import { roleAtLeast, roleOn } from '../../auth/access';
import { forbidden } from '../../errors/app-error';
import type { VersionGovernance } from '../../schemas/governance';
import type { WithdrawReviewInput } from '../../schemas/lifecycle';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { withdrawOpenReview } from './close-review';
import { openReviewOf } from './decide';
import { lockedVersion, requesterOf } from './locked-version';
import { moveState } from './move-state';
import { governanceView } from './view';

/** The requester (or a maintainer) withdraws the open review; a staging review returns the version to draft. */
export const withdrawReview = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: WithdrawReviewInput): Promise<VersionGovernance> =>
  db.transaction(async (tx) => {
    const target = await lockedVersion(tx, actor, input, withdrawReview.access.role);
    const { model, version } = target;
    const review = await openReviewOf(tx, version);
    const asking = requesterOf(actor);
    const isRequester = review.requestedBy.kind === asking.kind && review.requestedBy.id === asking.id;
    if (!isRequester && !roleAtLeast(roleOn(actor.principal, model.teamId)!, 'maintainer')) {
      throw forbidden(`Only ${review.requestedBy.name}, who asked for it, or a maintainer may withdraw this review`);
    }
    await withdrawOpenReview(tx, actor, version.id);
    if (review.environment === 'staging') await moveState(tx, actor, target, { to: 'draft', requestedBy: review.requestedBy, reviewId: review.id, comment: input.comment });
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'version.review_withdrawn',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: { modelId: model.id, model: model.name, version: version.version, environment: review.environment, comment: input.comment ?? null },
    });
    return governanceView(tx, model, version);
  }),
);

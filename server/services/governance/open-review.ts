import { versionReviews } from '@/db/schema';
import type { OpenReviewInput } from '../../schemas/lifecycle';
import type { VersionGovernance } from '../../schemas/governance';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import { conflict } from '../../errors/app-error';
import { operation } from '../operation';
import { edgeOrConflict, REVIEWABLE_FROM } from './lifecycle';
import { lockedVersion, requesterOf } from './locked-version';
import { moveState } from './move-state';
import { governanceView } from './view';

/** Asks maintainers to review a version for an environment: staging from a draft, production from staging. */
export const openReview = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: OpenReviewInput): Promise<VersionGovernance> =>
  db.transaction(async (tx) => {
    const target = await lockedVersion(tx, actor, input, openReview.access.role);
    const { model, version } = target;
    if (!REVIEWABLE_FROM[input.environment].includes(version.state)) {
      if (input.environment === 'staging') edgeOrConflict(version.state, 'submitted', 'review');
      throw conflict(`A ${version.state} version cannot be reviewed for production: only a version in staging can`, { state: version.state });
    }
    const [review] = await tx
      .insert(versionReviews)
      .values({ versionId: version.id, environment: input.environment, requestedBy: requesterOf(actor), comment: input.comment ?? null })
      .returning()
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'version_reviews_open_unique') ? conflict('This version already has an open review') : error;
      });
    if (input.environment === 'staging') await moveState(tx, actor, target, { to: 'submitted', requestedBy: review!.requestedBy, reviewId: review!.id, comment: input.comment });
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'version.review_opened',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: { modelId: model.id, model: model.name, version: version.version, environment: input.environment, comment: input.comment ?? null },
    });
    return governanceView(tx, model, version);
  }),
);

import { versionGovernanceSchema } from '../../schemas/governance';
import { openReviewInput } from '../../schemas/lifecycle';
import { openReview as openReviewOperation } from '../../services/governance/open-review';
import { guardedProcedure } from '../../trpc/procedures';

export const openReview = guardedProcedure(openReviewOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/reviews',
      tags: ['governance'],
      summary: 'Ask maintainers to review a version for an environment',
      description: 'Staging: from draft or changes_requested (the version becomes submitted). Production: from staging. One open review per version.',
      errorResponses: { 409: 'The state allows no such review, or one is already open' },
    },
    successStatus: 201,
  })
  .input(openReviewInput)
  .output(versionGovernanceSchema)
  .mutation(({ ctx, input }) => openReviewOperation(ctx.service, input));

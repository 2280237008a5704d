import { versionGovernanceSchema } from '../../schemas/governance';
import { withdrawReviewInput } from '../../schemas/lifecycle';
import { withdrawReview as withdrawOperation } from '../../services/governance/withdraw-review';
import { guardedProcedure } from '../../trpc/procedures';

export const withdrawReview = guardedProcedure(withdrawOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/reviews/withdraw',
      tags: ['governance'],
      summary: 'Withdraw the open review (the requester or a maintainer)',
      errorResponses: { 409: 'No open review' },
    },
  })
  .input(withdrawReviewInput)
  .output(versionGovernanceSchema)
  .mutation(({ ctx, input }) => withdrawOperation(ctx.service, input));

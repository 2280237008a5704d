import { listReviewsInput, reviewListSchema } from '../../schemas/lifecycle';
import { listReviews } from '../../services/governance/list-reviews';
import { guardedProcedure } from '../../trpc/procedures';

export const reviews = guardedProcedure(listReviews.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/reviews',
      tags: ['governance'],
      summary: 'Reviews waiting for you, the ones you asked for, or recent decisions in your teams',
    },
  })
  .input(listReviewsInput)
  .output(reviewListSchema)
  .query(({ ctx, input }) => listReviews(ctx.service, input));

import { policyCheckInput, policyCheckSchema } from '../../schemas/policy';
import { checkPolicy as checkOperation } from '../../services/governance/get';
import { guardedProcedure } from '../../trpc/procedures';

export const checkPolicy = guardedProcedure(checkOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/policy-check',
      tags: ['governance'],
      summary: "The policy's checklist for moving a version to a state, changing nothing",
      description: 'A dry run for the portal and CI pipelines; send `document` to try a draft policy instead of the one in force.',
    },
  })
  .input(policyCheckInput)
  .output(policyCheckSchema)
  .mutation(({ ctx, input }) => checkOperation(ctx.service, input));

import { versionGovernanceSchema } from '../../schemas/governance';
import { transitionInput } from '../../schemas/lifecycle';
import { transition as transitionOperation } from '../../services/governance/transition';
import { guardedProcedure } from '../../trpc/procedures';

export const transition = guardedProcedure(transitionOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/transitions',
      tags: ['governance'],
      summary: 'Move a version along the lifecycle (promote, deprecate, retire)',
      errorResponses: {
        403: 'The move needs a higher role',
        409: 'The lifecycle does not allow the move (details.allowed lists what does), or the policy blocks it (details.policyCheck lists each condition)',
      },
    },
  })
  .input(transitionInput)
  .output(versionGovernanceSchema)
  .mutation(({ ctx, input }) => transitionOperation(ctx.service, input));

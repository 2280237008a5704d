import { deploymentHistoryInput, deploymentHistorySchema } from '../../schemas/deployment';
import { deploymentHistory } from '../../services/deployments/read';
import { guardedProcedure } from '../../trpc/procedures';

export const history = guardedProcedure(deploymentHistory.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}/deployments',
      tags: ['deployments'],
      summary: 'Which version served what share of each environment, from when to when; with `at`, what served then',
    },
  })
  .input(deploymentHistoryInput)
  .output(deploymentHistorySchema)
  .query(({ ctx, input }) => deploymentHistory(ctx.service, input));

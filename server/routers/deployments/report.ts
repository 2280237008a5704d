import { deploymentSchema, reportDeploymentInput } from '../../schemas/deployment';
import { reportDeployment } from '../../services/deployments/report';
import { guardedProcedure } from '../../trpc/procedures';

export const report = guardedProcedure(reportDeployment.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/deployments/{deploymentId}/events',
      tags: ['deployments'],
      summary: "A pipeline's report on a deployment: progress, success with its endpoint, or failure with its error",
      description: 'Needs a token with the `deploy` scope (pipelines hold it; people do not).',
      errorResponses: { 403: 'No deploy scope', 409: 'The deployment already finished' },
    },
  })
  .input(reportDeploymentInput)
  .output(deploymentSchema)
  .mutation(({ ctx, input }) => reportDeployment(ctx.service, input));

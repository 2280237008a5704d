import { deployAcceptedSchema, rollbackInput } from '../../schemas/deployment';
import { rollbackDeployment } from '../../services/deployments/rollback';
import { guardedProcedure } from '../../trpc/procedures';

export const rollback = guardedProcedure(rollbackDeployment.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/deployments/rollback',
      tags: ['deployments'],
      summary: 'Return an environment to what served it before its current deployment',
      description: 'A new deployment, reported on by the pipeline like any other; on success the one it replaces is marked rolled back.',
      errorResponses: { 409: 'Nothing to roll back to, a deployment is at work, or a version of the earlier state was deregistered' },
    },
    successStatus: 202,
  })
  .input(rollbackInput)
  .output(deployAcceptedSchema)
  .mutation(({ ctx, input }) => rollbackDeployment(ctx.service, { ...input, idempotencyKey: input.idempotencyKey ?? ctx.idempotencyKey }));

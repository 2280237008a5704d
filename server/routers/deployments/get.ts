import { deploymentKeySchema, deploymentSchema } from '../../schemas/deployment';
import { getDeployment } from '../../services/deployments/read';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getDeployment.access)
  .meta({ openapi: { method: 'GET', path: '/deployments/{deploymentId}', tags: ['deployments'], summary: 'A deployment with every event reported about it' } })
  .input(deploymentKeySchema)
  .output(deploymentSchema)
  .query(({ ctx, input }) => getDeployment(ctx.service, input));

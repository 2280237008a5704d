import { deployAcceptedSchema, deployInput } from '../../schemas/deployment';
import { requestDeployment } from '../../services/deployments/request';
import { guardedProcedure } from '../../trpc/procedures';

export const deploy = guardedProcedure(requestDeployment.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/deploy',
      tags: ['deployments'],
      summary: 'Ask for a version to be deployed to an environment',
      description:
        'Checks the version is approved for the environment and the team policy is met, records the deployment and announces ' +
        '`deployment.requested` to webhooks; the pipeline reports progress to /deployments/{deploymentId}/events. Send an ' +
        'Idempotency-Key header (or idempotencyKey) to retry safely. Production needs the maintainer role.',
      errorResponses: {
        403: 'No write scope, or too little role (production needs maintainer)',
        409: 'The state or policy does not allow it (details.policyCheck), a deployment to the environment is at work, or the key was used for another request',
      },
    },
    successStatus: 202,
  })
  .input(deployInput)
  .output(deployAcceptedSchema)
  .mutation(({ ctx, input }) => requestDeployment(ctx.service, { ...input, idempotencyKey: input.idempotencyKey ?? ctx.idempotencyKey }));

import { addArtifactInput, artifactSchema } from '../../schemas/evidence';
import { addArtifact as addOperation } from '../../services/governance/add-artifact';
import { guardedProcedure } from '../../trpc/procedures';

export const addArtifact = guardedProcedure(addOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/artifacts',
      tags: ['governance'],
      summary: 'Record an artifact of a version with its checksum',
      description: 'Withdraws approvals given before it; refused once the version is approved for an environment.',
      errorResponses: { 409: 'Already recorded, or the version is approved and its artifacts frozen' },
    },
    successStatus: 201,
  })
  .input(addArtifactInput)
  .output(artifactSchema)
  .mutation(({ ctx, input }) => addOperation(ctx.service, input));

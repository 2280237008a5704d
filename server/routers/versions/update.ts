import { modelVersionSchema, updateVersionInput } from '../../schemas/version';
import { updateVersion } from '../../services/versions/update';
import { guardedProcedure } from '../../trpc/procedures';

export const update = guardedProcedure(updateVersion.access)
  .meta({
    openapi: {
      method: 'PUT',
      path: '/models/{modelId}/{version}',
      tags: ['versions'],
      summary: "Update a version's metadata",
      description:
        'Changes description, tags, metrics, deployment preferences and lineage. Name, version, ' +
        'artifact location, framework, target and team are immutable.',
      errorResponses: {
        400: 'Invalid input, or an immutable field was sent',
        401: 'Missing, invalid, expired or revoked token',
        403: 'No write scope, or no contributor role on the team',
        404: 'No such model or version visible to the caller',
        413: 'Body over 1 MB',
      },
    },
  })
  .input(updateVersionInput)
  .output(modelVersionSchema)
  .mutation(({ ctx, input }) => updateVersion(ctx.service, input));

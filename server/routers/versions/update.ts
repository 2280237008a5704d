import { modelVersionSchema, updateVersionInput } from '../../schemas/version';
import { updateVersion } from '../../services/versions/update';
import { guardedProcedure } from '../../trpc/procedures';

export const update = guardedProcedure({ scope: 'write', role: 'contributor' })
  .meta({
    openapi: {
      method: 'PUT',
      path: '/models/{modelId}/{version}',
      tags: ['versions'],
      summary: "Update a version's metadata",
      description:
        'Changes description, tags, metrics, deployment preferences and lineage. Name, version, ' +
        'artifact location, framework, target and team are immutable.',
    },
  })
  .input(updateVersionInput)
  .output(modelVersionSchema)
  .mutation(({ ctx, input }) => updateVersion(ctx.db, ctx.actor, input));

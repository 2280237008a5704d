import { versionKeySchema, modelVersionSchema } from '../../schemas/version';
import { getVersion } from '../../services/versions/get';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getVersion.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}/{version}',
      tags: ['versions'],
      summary: 'One version with every field',
    },
  })
  .input(versionKeySchema)
  .output(modelVersionSchema)
  .query(({ ctx, input }) => getVersion(ctx.service, input));

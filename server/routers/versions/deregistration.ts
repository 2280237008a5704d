import { deregistrationSchema, versionKeySchema } from '../../schemas/version';
import { getDeregistration } from '../../services/versions/deregistration';
import { guardedProcedure } from '../../trpc/procedures';

export const deregistration = guardedProcedure(getDeregistration.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}/{version}/deregistration',
      tags: ['versions'],
      summary: "A deregistered version's tombstone: who deregistered it, when and why",
    },
  })
  .input(versionKeySchema)
  .output(deregistrationSchema)
  .query(({ ctx, input }) => getDeregistration(ctx.service, input));

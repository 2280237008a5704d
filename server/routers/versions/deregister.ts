import { z } from 'zod';
import { deregisterVersionInput } from '../../schemas/version';
import { deregisterVersion } from '../../services/versions/deregister';
import { guardedProcedure } from '../../trpc/procedures';

export const deregister = guardedProcedure(deregisterVersion.access)
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/models/{modelId}/{version}',
      tags: ['versions'],
      summary: 'Deregister a version',
      description: 'The version disappears from lists and lookups; a tombstone (who, when, `reason`) stays for audit and exports.',
      successDescription: 'Deregistered (no content)',
    },
    successStatus: 204,
  })
  .input(deregisterVersionInput)
  .output(z.void())
  .mutation(({ ctx, input }) => deregisterVersion(ctx.service, input));

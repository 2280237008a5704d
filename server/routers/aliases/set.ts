import { z } from 'zod';
import { setAliasInput } from '../../schemas/alias';
import { setAlias } from '../../services/aliases/move';
import { guardedProcedure } from '../../trpc/procedures';

export const set = guardedProcedure(setAlias.access)
  .meta({
    openapi: {
      method: 'PUT',
      path: '/models/{modelId}/aliases/{alias}',
      tags: ['aliases'],
      summary: 'Point an alias at a version',
      description: "A protected alias (the policy's protectedAliases) moves only to a version in its environment that meets that environment's policy, by a maintainer.",
      errorResponses: { 409: 'Protected, and the version is not in its environment or does not meet the policy' },
    },
  })
  .input(setAliasInput)
  .output(z.object({ alias: z.string(), version: z.string() }))
  .mutation(({ ctx, input }) => setAlias(ctx.service, input));

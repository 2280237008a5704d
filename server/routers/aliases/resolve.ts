import { resolveAliasInput } from '../../schemas/alias';
import { modelVersionSchema } from '../../schemas/version';
import { resolveAlias } from '../../services/aliases/read';
import { guardedProcedure } from '../../trpc/procedures';

export const resolve = guardedProcedure(resolveAlias.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/teams/{team}/models/{name}/aliases/{alias}',
      tags: ['aliases'],
      summary: 'The version team/name@alias points at (`latest`: the latest release)',
    },
  })
  .input(resolveAliasInput)
  .output(modelVersionSchema)
  .query(({ ctx, input }) => resolveAlias(ctx.service, input));

import { z } from 'zod';
import { deleteAliasInput } from '../../schemas/alias';
import { deleteAlias } from '../../services/aliases/move';
import { guardedProcedure } from '../../trpc/procedures';

export const remove = guardedProcedure(deleteAlias.access)
  .meta({ openapi: { method: 'DELETE', path: '/models/{modelId}/aliases/{alias}', tags: ['aliases'], summary: 'Remove an alias (its history stays)' }, successStatus: 204 })
  .input(deleteAliasInput)
  .output(z.void())
  .mutation(({ ctx, input }) => deleteAlias(ctx.service, input));

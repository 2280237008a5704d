import { aliasesInput, modelAliasesSchema } from '../../schemas/alias';
import { listAliases } from '../../services/aliases/read';
import { guardedProcedure } from '../../trpc/procedures';

export const list = guardedProcedure(listAliases.access)
  .meta({ openapi: { method: 'GET', path: '/models/{modelId}/aliases', tags: ['aliases'], summary: "A model's aliases and every move of them, newest first" } })
  .input(aliasesInput)
  .output(modelAliasesSchema)
  .query(({ ctx, input }) => listAliases(ctx.service, input));

import { z } from 'zod';
import { aliasesInput, deleteAliasInput, modelAliasesSchema, resolveAliasInput, setAliasInput } from '../../schemas/alias';
import { modelVersionSchema } from '../../schemas/version';
import { deleteAlias, setAlias } from '../../services/aliases/move';
import { listAliases, resolveAlias } from '../../services/aliases/read';
import { guardedProcedure } from '../../trpc/procedures';
import { router } from '../../trpc/init';

const set = guardedProcedure(setAlias.access)
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

const remove = guardedProcedure(deleteAlias.access)
  .meta({ openapi: { method: 'DELETE', path: '/models/{modelId}/aliases/{alias}', tags: ['aliases'], summary: 'Remove an alias (its history stays)' }, successStatus: 204 })
  .input(deleteAliasInput)
  .output(z.void())
  .mutation(({ ctx, input }) => deleteAlias(ctx.service, input));

const list = guardedProcedure(listAliases.access)
  .meta({ openapi: { method: 'GET', path: '/models/{modelId}/aliases', tags: ['aliases'], summary: "A model's aliases and every move of them, newest first" } })
  .input(aliasesInput)
  .output(modelAliasesSchema)
  .query(({ ctx, input }) => listAliases(ctx.service, input));

const resolve = guardedProcedure(resolveAlias.access)
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

export const aliasesRouter = router({ set, delete: remove, list, resolve });

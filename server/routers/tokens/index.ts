import { z } from 'zod';
import { apiTokenSchema, createTokenInput, createTokenOutput, listTokensInput, revokeTokenInput } from '../../schemas/token';
import { issueToken, listTokens, revokeTokenFor } from '../../services/tokens/manage';
import { router } from '../../trpc/init';
import { personProcedure } from '../../trpc/procedures';

const create = personProcedure({ scope: 'write', role: 'viewer' })
  .meta({
    openapi: { method: 'POST', path: '/tokens', tags: ['tokens'], summary: 'Create an API token (people only; the secret is shown once)' },
    successStatus: 201,
  })
  .input(createTokenInput)
  .output(createTokenOutput)
  .mutation(({ ctx, input }) => issueToken(ctx.db, ctx.actor, input));

const list = personProcedure({ scope: 'read', role: 'viewer' })
  .meta({ openapi: { method: 'GET', path: '/tokens', tags: ['tokens'], summary: 'Your tokens, and those of the teams you maintain (people only)' } })
  .input(listTokensInput)
  .output(z.object({ items: z.array(apiTokenSchema) }))
  .query(async ({ ctx, input }) => ({ items: await listTokens(ctx.db, ctx.actor.principal, input) }));

const revoke = personProcedure({ scope: 'write', role: 'viewer' })
  .meta({
    openapi: { method: 'DELETE', path: '/tokens/{tokenId}', tags: ['tokens'], summary: 'Revoke a token (people only)' },
    successStatus: 204,
  })
  .input(revokeTokenInput)
  .output(z.void())
  .mutation(({ ctx, input }) => revokeTokenFor(ctx.db, ctx.actor, input.tokenId));

export const tokensRouter = router({ create, list, revoke });

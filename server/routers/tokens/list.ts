import { z } from 'zod';
import { apiTokenSchema, listTokensInput } from '../../schemas/token';
import { listTokens } from '../../services/tokens/list';
import { personProcedure } from '../../trpc/procedures';

export const list = personProcedure(listTokens.access)
  .meta({ openapi: { method: 'GET', path: '/tokens', tags: ['tokens'], summary: 'Your tokens, and those of the teams you maintain (people only)' } })
  .input(listTokensInput)
  .output(z.object({ items: z.array(apiTokenSchema) }))
  .query(async ({ ctx, input }) => ({ items: await listTokens(ctx.service, input) }));

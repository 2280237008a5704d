import { createTokenInput, createTokenOutput } from '../../schemas/token';
import { issueToken } from '../../services/tokens/issue';
import { personProcedure } from '../../trpc/procedures';

export const create = personProcedure(issueToken.access)
  .meta({
    openapi: { method: 'POST', path: '/tokens', tags: ['tokens'], summary: 'Create an API token (people only; the secret is shown once)' },
    successStatus: 201,
  })
  .input(createTokenInput)
  .output(createTokenOutput)
  .mutation(({ ctx, input }) => issueToken(ctx.service, input));

import { z } from 'zod';
import { revokeTokenInput } from '../../schemas/token';
import { revokeToken } from '../../services/tokens/revoke';
import { personProcedure } from '../../trpc/procedures';

export const revoke = personProcedure(revokeToken.access)
  .meta({
    openapi: { method: 'DELETE', path: '/tokens/{tokenId}', tags: ['tokens'], summary: 'Revoke a token (people only)' },
    successStatus: 204,
  })
  .input(revokeTokenInput)
  .output(z.void())
  .mutation(({ ctx, input }) => revokeToken(ctx.service, input));

import { registerModelInput, registerModelOutput } from '../../schemas/register';
import { registerModel } from '../../services/models/register';
import { guardedProcedure } from '../../trpc/procedures';

export const register = guardedProcedure(registerModel.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models',
      tags: ['models'],
      summary: 'Register a model version',
      description:
        'The first registration of a name in a team creates the model; later ones add versions. ' +
        'A name and version already present answers 409.',
      errorResponses: {
        400: 'Invalid input: details.fieldErrors names each field',
        401: 'Missing, invalid, expired or revoked token',
        403: 'No write scope, or no contributor role on the team',
        409: 'This name and version are already registered (or were, and were deregistered)',
        413: 'Body over 1 MB',
      },
    },
    successStatus: 201,
  })
  .input(registerModelInput)
  .output(registerModelOutput)
  .mutation(({ ctx, input }) => registerModel(ctx.service, input));

import { registerModelInput, registerModelOutput } from '../../schemas/register';
import { registerModel } from '../../services/models/register';
import { guardedProcedure } from '../../trpc/procedures';

export const register = guardedProcedure({ scope: 'write', role: 'contributor' })
  .meta({
    openapi: {
      method: 'POST',
      path: '/models',
      tags: ['models'],
      summary: 'Register a model version',
      description:
        'The first registration of a name in a team creates the model; later ones add versions. ' +
        'A name and version already present answers 409.',
    },
    successStatus: 201,
  })
  .input(registerModelInput)
  .output(registerModelOutput)
  .mutation(({ ctx, input }) => registerModel(ctx.db, ctx.actor, input));

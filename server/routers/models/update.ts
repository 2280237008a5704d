import { modelSchema, updateModelInput } from '../../schemas/model';
import { updateModel } from '../../services/models/update';
import { guardedProcedure } from '../../trpc/procedures';

export const update = guardedProcedure(updateModel.access)
  .meta({
    openapi: {
      method: 'PUT',
      path: '/models/{modelId}',
      tags: ['models'],
      summary: "Update a model's card, owners and risk tier (maintainers)",
      description: 'The risk tier decides which of the policy\'s riskTiers rules apply to its versions.',
    },
  })
  .input(updateModelInput)
  .output(modelSchema)
  .mutation(({ ctx, input }) => updateModel(ctx.service, input));

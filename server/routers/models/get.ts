import { getModelByNameInput, getModelInput, modelDetailSchema } from '../../schemas/model';
import { getModel, getModelByName } from '../../services/models/get';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getModel.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}',
      tags: ['models'],
      summary: 'A model with all its versions',
    },
  })
  .input(getModelInput)
  .output(modelDetailSchema)
  .query(({ ctx, input }) => getModel(ctx.service, input));

export const getByName = guardedProcedure(getModelByName.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/teams/{team}/models/{name}',
      tags: ['models'],
      summary: 'A model looked up by team and name, with all its versions',
    },
  })
  .input(getModelByNameInput)
  .output(modelDetailSchema)
  .query(({ ctx, input }) => getModelByName(ctx.service, input));

import { getModelByNameInput, getModelInput, modelDetailSchema } from '../../schemas/model';
import { getModel, getModelByName } from '../../services/models/get';
import { readProcedure } from '../../trpc/procedures';

export const get = readProcedure
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
  .query(({ ctx, input }) => getModel(ctx.db, ctx.actor.principal, input.modelId, input.order));

export const getByName = readProcedure
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
  .query(({ ctx, input }) => getModelByName(ctx.db, ctx.actor.principal, input.team, input.name, input.order));

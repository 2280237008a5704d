import { listModelsInput, listModelsOutput } from '../../schemas/model';
import { listModels } from '../../services/models/list';
import { guardedProcedure } from '../../trpc/procedures';

export const list = guardedProcedure(listModels.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models',
      tags: ['models'],
      summary: 'List and search models',
      description: 'Paginated by limit and offset, or by the opaque nextCursor for deep pages.',
    },
  })
  .input(listModelsInput)
  .output(listModelsOutput)
  .query(({ ctx, input }) => listModels(ctx.service, input));

import { z } from 'zod';
import { tagUsageSchema } from '../../schemas/model';
import { listTags } from '../../services/models/tags';
import { guardedProcedure } from '../../trpc/procedures';

export const tags = guardedProcedure(listTags.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/tags',
      tags: ['models'],
      summary: 'Tags in use, most used first',
      description: 'The 200 tags most used on the models the caller may read, with how many models carry each.',
    },
  })
  .input(z.void())
  .output(tagUsageSchema)
  .query(({ ctx }) => listTags(ctx.service, undefined));

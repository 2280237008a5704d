import { z } from 'zod';
import { lifecycleSchema } from '../../schemas/lifecycle';
import { LIFECYCLE } from '../../services/governance/lifecycle';
import { publicProcedure } from '../../trpc/procedures';

export const lifecycle = publicProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/lifecycle',
      tags: ['governance'],
      summary: 'The lifecycle of a version, as data',
      description: 'Its states and every allowed move: how it is taken (review, decision, withdrawal, transition) and the least team role it needs.',
    },
  })
  .input(z.void())
  .output(lifecycleSchema)
  .query(() => LIFECYCLE);

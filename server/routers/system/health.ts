import { z } from 'zod';
import { checkHealth } from '../../services/health';
import { publicProcedure } from '../../trpc/procedures';

export const health = publicProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/health',
      tags: ['system'],
      summary: 'Liveness with a database check',
      errorResponses: { 503: 'The database is unreachable' },
    },
  })
  .input(z.void())
  .output(
    z.object({ status: z.literal('ok'), database: z.literal('ok'), driver: z.string(), latencyMs: z.number() }),
  )
  .query(({ ctx }) => checkHealth(ctx.db, ctx.driver));

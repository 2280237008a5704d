import { z } from 'zod';
import { listWebhooksInput, webhookSchema } from '../../schemas/webhook';
import { listWebhooks } from '../../services/webhooks/list';
import { guardedProcedure } from '../../trpc/procedures';

export const list = guardedProcedure(listWebhooks.access)
  .meta({ openapi: { method: 'GET', path: '/webhooks', tags: ['webhooks'], summary: 'The webhooks of the teams you maintain' } })
  .input(listWebhooksInput)
  .output(z.array(webhookSchema))
  .query(({ ctx, input }) => listWebhooks(ctx.service, input));

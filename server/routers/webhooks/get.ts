import { webhookKeySchema, webhookSchema } from '../../schemas/webhook';
import { getWebhook } from '../../services/webhooks/list';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getWebhook.access)
  .meta({ openapi: { method: 'GET', path: '/webhooks/{webhookId}', tags: ['webhooks'], summary: 'A webhook (never its secret)' } })
  .input(webhookKeySchema)
  .output(webhookSchema)
  .query(({ ctx, input }) => getWebhook(ctx.service, input));

import { deliveryQueuedSchema, webhookKeySchema } from '../../schemas/webhook';
import { sendTestEvent } from '../../services/webhooks/redeliver';
import { guardedProcedure } from '../../trpc/procedures';

export const test = guardedProcedure(sendTestEvent.access)
  .meta({ openapi: { method: 'POST', path: '/webhooks/{webhookId}/test', tags: ['webhooks'], summary: 'Send a webhook.test event to this endpoint' }, successStatus: 202 })
  .input(webhookKeySchema)
  .output(deliveryQueuedSchema)
  .mutation(({ ctx, input }) => sendTestEvent(ctx.service, input));

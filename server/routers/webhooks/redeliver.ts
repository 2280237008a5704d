import { deliveryQueuedSchema, redeliverInput } from '../../schemas/webhook';
import { redeliver as redeliverEvent } from '../../services/webhooks/redeliver';
import { guardedProcedure } from '../../trpc/procedures';

export const redeliver = guardedProcedure(redeliverEvent.access)
  .meta({
    openapi: { method: 'POST', path: '/webhooks/{webhookId}/deliveries', tags: ['webhooks'], summary: 'Send a past event of the team to this endpoint again (same webhook-id)' },
    successStatus: 202,
  })
  .input(redeliverInput)
  .output(deliveryQueuedSchema)
  .mutation(({ ctx, input }) => redeliverEvent(ctx.service, input));

import { z } from 'zod';
import { deliverySchema, listDeliveriesInput } from '../../schemas/webhook';
import { listDeliveries } from '../../services/webhooks/list';
import { guardedProcedure } from '../../trpc/procedures';

export const deliveries = guardedProcedure(listDeliveries.access)
  .meta({ openapi: { method: 'GET', path: '/webhooks/{webhookId}/deliveries', tags: ['webhooks'], summary: 'The delivery log, newest first: each attempt with its status, duration and answer' } })
  .input(listDeliveriesInput)
  .output(z.array(deliverySchema))
  .query(({ ctx, input }) => listDeliveries(ctx.service, input));

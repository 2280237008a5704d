import { z } from 'zod';
import { webhookKeySchema } from '../../schemas/webhook';
import { deleteWebhook } from '../../services/webhooks/update';
import { guardedProcedure } from '../../trpc/procedures';

export const remove = guardedProcedure(deleteWebhook.access)
  .meta({ openapi: { method: 'DELETE', path: '/webhooks/{webhookId}', tags: ['webhooks'], summary: 'End a subscription (its delivery log stays)' }, successStatus: 204 })
  .input(webhookKeySchema)
  .output(z.void())
  .mutation(({ ctx, input }) => deleteWebhook(ctx.service, input));

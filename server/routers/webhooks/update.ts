import { updateWebhookInput, webhookSchema } from '../../schemas/webhook';
import { updateWebhook } from '../../services/webhooks/update';
import { guardedProcedure } from '../../trpc/procedures';

export const update = guardedProcedure(updateWebhook.access)
  .meta({ openapi: { method: 'PUT', path: '/webhooks/{webhookId}', tags: ['webhooks'], summary: 'Change the URL, event types or description; pause or re-enable' } })
  .input(updateWebhookInput)
  .output(webhookSchema)
  .mutation(({ ctx, input }) => updateWebhook(ctx.service, input));

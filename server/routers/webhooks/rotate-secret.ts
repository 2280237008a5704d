import { webhookKeySchema, webhookWithSecretSchema } from '../../schemas/webhook';
import { rotateWebhookSecret } from '../../services/webhooks/rotate-secret';
import { guardedProcedure } from '../../trpc/procedures';

export const rotateSecret = guardedProcedure(rotateWebhookSecret.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/webhooks/{webhookId}/rotate-secret',
      tags: ['webhooks'],
      summary: 'A new signing secret (shown once); the previous one signs beside it until secretRotatedUntil',
    },
  })
  .input(webhookKeySchema)
  .output(webhookWithSecretSchema)
  .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.service, input));

import { createWebhookInput, webhookWithSecretSchema } from '../../schemas/webhook';
import { createWebhook } from '../../services/webhooks/create';
import { guardedProcedure } from '../../trpc/procedures';

export const create = guardedProcedure(createWebhook.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/webhooks',
      tags: ['webhooks'],
      summary: "Subscribe an endpoint to the team's events",
      description:
        'Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The answer carries the signing secret, this once. ' +
        'The URL must use https and reach a public address.',
      errorResponses: { 400: 'Invalid URL or event type (details.fieldErrors)', 403: 'Needs the maintainer role on the team' },
    },
    successStatus: 201,
  })
  .input(createWebhookInput)
  .output(webhookWithSecretSchema)
  .mutation(({ ctx, input }) => createWebhook(ctx.service, input));

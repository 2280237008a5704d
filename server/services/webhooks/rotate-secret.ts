import { eq } from 'drizzle-orm';
import { webhooks } from '@/db/schema';
import { config } from '../../config';
import type { WebhookKey } from '../../schemas/webhook';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { WEBHOOK_ROLE, findWebhook } from './find';
import { toWebhook } from './serialize';
import { newSecret } from './sign';

/**
 * A new secret, shown once; the previous one keeps signing beside it for the overlap
 * (WEBHOOK_SECRET_OVERLAP_HOURS), so a receiver can switch without missing a delivery.
 */
export const rotateWebhookSecret = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: WebhookKey) =>
  db.transaction(async (tx) => {
    const { webhook, team } = await findWebhook(tx, actor.principal, input.webhookId, true);
    const secret = newSecret();
    const until = new Date(Date.now() + config.webhooks.secretOverlapMs);
    const [row] = await tx
      .update(webhooks)
      .set({ secret, previousSecret: webhook.secret, previousSecretUntil: until, updatedAt: new Date() })
      .where(eq(webhooks.id, webhook.id))
      .returning();
    await recordAudit(tx, actor, {
      teamId: webhook.teamId,
      action: 'webhook.secret_rotated',
      resourceType: 'webhook',
      resourceId: webhook.id,
      summary: { previousSignsUntil: until.toISOString() },
    });
    return { webhook: toWebhook(row!, team), secret };
  }),
);

import { eq } from 'drizzle-orm';
import { webhooks } from '@/db/schema';
import type { UpdateWebhookInput, WebhookKey } from '../../schemas/webhook';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { assertDestination } from './create';
import { WEBHOOK_ROLE, findWebhook } from './find';
import { toWebhook } from './serialize';

/** Changes where and what an endpoint receives, or pauses and re-enables it (after a 410). */
export const updateWebhook = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: UpdateWebhookInput) => {
  const { webhookId, ...changes } = input;
  if (changes.url) assertDestination(changes.url);
  return db.transaction(async (tx) => {
    const { webhook, team } = await findWebhook(tx, actor.principal, webhookId, true);
    const reenabled = changes.enabled === true && !webhook.enabled;
    const [row] = await tx
      .update(webhooks)
      .set({ ...changes, ...(changes.enabled !== undefined ? { disabledReason: changes.enabled ? null : 'paused' } : {}), updatedAt: new Date() })
      .where(eq(webhooks.id, webhookId))
      .returning();
    await recordAudit(tx, actor, {
      teamId: webhook.teamId,
      action: 'webhook.updated',
      resourceType: 'webhook',
      resourceId: webhookId,
      summary: { changed: Object.keys(changes), reenabled },
    });
    return toWebhook(row!, team);
  });
});

/** Ends a subscription; its delivery log stays (the audit trail refers to it). */
export const deleteWebhook = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: WebhookKey): Promise<void> => {
  await db.transaction(async (tx) => {
    const { webhook } = await findWebhook(tx, actor.principal, input.webhookId, true);
    await tx.update(webhooks).set({ deletedAt: new Date(), enabled: false, disabledReason: 'deleted' }).where(eq(webhooks.id, webhook.id));
    await recordAudit(tx, actor, { teamId: webhook.teamId, action: 'webhook.deleted', resourceType: 'webhook', resourceId: webhook.id, summary: { url: webhook.url } });
  });
});

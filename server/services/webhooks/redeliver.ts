import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { events, webhookDeliveries } from '@/db/schema';
import { type Actor, principalRef } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import type { RedeliverInput, WebhookKey } from '../../schemas/webhook';
import { enqueue } from '../../jobs/enqueue';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { WEBHOOK_ROLE, findWebhook } from './find';

async function queueDelivery(tx: Database, actor: Actor, webhookId: string, eventId: string, trigger: 'redelivery' | 'test') {
  const [delivery] = await tx.insert(webhookDeliveries).values({ webhookId, eventId, trigger, requestedBy: principalRef(actor.principal) }).returning({ id: webhookDeliveries.id });
  await enqueue(tx, 'deliver_webhook', { deliveryId: delivery!.id, attempt: 1 });
  return { deliveryId: delivery!.id, eventId };
}

/** Sends a past event of the team to the endpoint again (same webhook-id), with a fresh retry schedule. */
export const redeliver = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: RedeliverInput) =>
  db.transaction(async (tx) => {
    const { webhook } = await findWebhook(tx, actor.principal, input.webhookId);
    const [event] = await tx.select({ id: events.id }).from(events).where(and(eq(events.id, input.eventId), eq(events.teamId, webhook.teamId)));
    if (!event) throw notFound('Event');
    const queued = await queueDelivery(tx, actor, webhook.id, event.id, 'redelivery');
    await recordAudit(tx, actor, { teamId: webhook.teamId, action: 'webhook.redelivery_requested', resourceType: 'webhook', resourceId: webhook.id, summary: { eventId: event.id } });
    return queued;
  }),
);

/** A `webhook.test` event, sent to this endpoint only. */
export const sendTestEvent = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: WebhookKey) =>
  db.transaction(async (tx) => {
    const { webhook, team } = await findWebhook(tx, actor.principal, input.webhookId);
    const now = new Date();
    const payload = {
      type: 'webhook.test',
      timestamp: now.toISOString(),
      data: { teamId: webhook.teamId, team, webhookId: webhook.id, actor: principalRef(actor.principal), correlationId: actor.correlationId, message: 'A test event from the model registry' },
    };
    // Dispatched already: it goes to this endpoint alone, not to every subscriber of the team.
    const [event] = await tx
      .insert(events)
      .values({ teamId: webhook.teamId, type: 'webhook.test', payload, correlationId: actor.correlationId, occurredAt: now, dispatchedAt: now })
      .returning({ id: events.id });
    return queueDelivery(tx, actor, webhook.id, event!.id, 'test');
  }),
);

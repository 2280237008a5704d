import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { events, teams, webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { roleAtLeast } from '../../auth/access';
import type { Delivery, ListDeliveriesInput, ListWebhooksInput, Webhook, WebhookKey } from '../../schemas/webhook';
import { operation } from '../operation';
import { WEBHOOK_ROLE, findWebhook } from './find';
import { toDelivery, toWebhook } from './serialize';

/** The webhooks of the teams the caller maintains (or of the one named). */
export const listWebhooks = operation({ scope: 'read', role: WEBHOOK_ROLE }, async ({ db, actor }, input: ListWebhooksInput): Promise<Webhook[]> => {
  const { principal } = actor;
  const teamIds = principal.isAdmin ? null : principal.memberships.filter((m) => roleAtLeast(m.role, WEBHOOK_ROLE)).map((m) => m.teamId);
  if (teamIds?.length === 0) return [];
  const rows = await db
    .select({ webhook: webhooks, team: teams.slug })
    .from(webhooks)
    .innerJoin(teams, eq(teams.id, webhooks.teamId))
    .where(and(isNull(webhooks.deletedAt), teamIds ? inArray(webhooks.teamId, teamIds) : undefined, input.team ? eq(teams.slug, input.team) : undefined))
    .orderBy(asc(teams.slug), asc(webhooks.createdAt));
  return rows.map((r) => toWebhook(r.webhook, r.team));
});

export const getWebhook = operation({ scope: 'read', role: WEBHOOK_ROLE }, async ({ db, actor }, input: WebhookKey): Promise<Webhook> => {
  const { webhook, team } = await findWebhook(db, actor.principal, input.webhookId);
  return toWebhook(webhook, team);
});

/** The delivery log of an endpoint, newest first, each with its attempts. */
export const listDeliveries = operation({ scope: 'read', role: WEBHOOK_ROLE }, async ({ db, actor }, input: ListDeliveriesInput): Promise<Delivery[]> => {
  await findWebhook(db, actor.principal, input.webhookId);
  const rows = await db
    .select({ delivery: webhookDeliveries, eventType: events.type })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.webhookId, input.webhookId), input.status ? eq(webhookDeliveries.status, input.status) : undefined))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit);
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(asc(webhookAttempts.attempt))
    : [];
  return rows.map((r) =>
    toDelivery(
      r.delivery,
      r.eventType,
      attempts.filter((a) => a.deliveryId === r.delivery.id),
    ),
  );
});

import type { InferSelectModel } from 'drizzle-orm';
import type { webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import type { Delivery, Webhook } from '../../schemas/webhook';
import type { EventType } from '../events/record';

export type WebhookRow = InferSelectModel<typeof webhooks>;
type DeliveryRow = InferSelectModel<typeof webhookDeliveries>;
type AttemptRow = InferSelectModel<typeof webhookAttempts>;

/** A subscription as the API answers it: never its secrets. */
export const toWebhook = (row: WebhookRow, team: string): Webhook => ({
  id: row.id,
  team,
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes as EventType[],
  enabled: row.enabled,
  disabledReason: row.disabledReason,
  secretRotatedUntil: row.previousSecretUntil && row.previousSecretUntil > new Date() ? row.previousSecretUntil.toISOString() : null,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

export const toDelivery = (row: DeliveryRow, eventType: string, attempts: AttemptRow[]): Delivery => ({
  id: row.id,
  eventId: row.eventId,
  eventType,
  trigger: row.trigger as Delivery['trigger'],
  status: row.status,
  attempts: attempts.map((a) => ({
    attempt: a.attempt,
    startedAt: a.startedAt.toISOString(),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    responseExcerpt: a.responseExcerpt,
    error: a.error,
  })),
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt?.toISOString() ?? null,
});

import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { deliveryStatusEnum } from './enums';
import type { PrincipalRef } from './json-columns';
import { teams } from './teams';

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/**
 * The outbox: every announced change, written in the transaction of the change. Kept (not
 * consumed), so any past event can be delivered again.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    type: text('type').notNull(),
    // The body every subscriber receives: { type, timestamp, data }.
    payload: jsonb('payload').$type<{ type: string; timestamp: string; data: Record<string, unknown> }>().notNull(),
    correlationId: text('correlation_id').notNull(),
    occurredAt: at('occurred_at'),
    // Set once the dispatcher has created this event's deliveries.
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [index('events_team_idx').on(t.teamId, t.seq), index('events_undispatched_idx').on(t.seq).where(sql`${t.dispatchedAt} is null`)],
);

/** A team's subscription: where to send which events, signed with its secret. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    url: text('url').notNull(),
    description: text('description'),
    // Empty: every event type.
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    // Needed in the clear to sign; never logged, never answered after creation or rotation.
    secret: text('secret').notNull(),
    // After a rotation the old secret signs too, until this time, so receivers can switch over.
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    createdBy: jsonb('created_by').$type<PrincipalRef>().notNull(),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('webhooks_team_idx').on(t.teamId).where(sql`${t.deletedAt} is null`)],
);

/** One event sent to one endpoint: retried until it succeeds or the schedule ends. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    // `event` for the automatic one; `redelivery` when someone asked to send it again; `test` from the test button.
    trigger: text('trigger').notNull(),
    status: deliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    requestedBy: jsonb('requested_by').$type<PrincipalRef>(),
    createdAt: at('created_at'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // The dispatcher may run twice for one event: it still makes one delivery per endpoint.
    uniqueIndex('webhook_deliveries_event_unique').on(t.webhookId, t.eventId).where(sql`${t.trigger} = 'event'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/** Each try of a delivery: what the endpoint answered and how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [uniqueIndex('webhook_attempts_unique').on(t.deliveryId, t.attempt)],
);

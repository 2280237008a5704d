import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { deploymentStatusEnum, environmentEnum } from './enums';
import type { PrincipalRef, TrafficShare } from './json-columns';
import { models } from './models';
import { teams } from './teams';
import { modelVersions } from './versions';

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/**
 * A request that a pipeline put a version (or, for a rollback, a previous split) into an
 * environment. `allocation` is the whole environment's traffic once it succeeds: shares sum to 100.
 */
export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => modelVersions.id),
    environment: environmentEnum('environment').notNull(),
    trafficPercent: integer('traffic_percent').notNull(),
    allocation: jsonb('allocation').$type<TrafficShare[]>().notNull(),
    status: deploymentStatusEnum('status').notNull().default('requested'),
    reason: text('reason'),
    requestedBy: jsonb('requested_by').$type<PrincipalRef>().notNull(),
    // A retried request with the same key (per caller) answers the first deployment.
    idempotencyKey: text('idempotency_key'),
    rollbackOf: uuid('rollback_of'),
    endpoint: text('endpoint'),
    error: text('error'),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('deployments_idempotency_unique').on(sql`(${t.requestedBy}->>'id')`, t.idempotencyKey),
    // One deployment at work per model and environment: a second waits for it to finish.
    uniqueIndex('deployments_active_unique').on(t.modelId, t.environment).where(sql`${t.status} in ('requested', 'in_progress')`),
    index('deployments_model_idx').on(t.modelId, t.environment, t.createdAt),
    index('deployments_version_idx').on(t.versionId, t.createdAt),
  ],
);

/** Everything a pipeline (or the registry) reported about a deployment, in order. */
export const deploymentEvents = pgTable(
  'deployment_events',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id),
    status: deploymentStatusEnum('status').notNull(),
    progress: integer('progress'),
    message: text('message'),
    endpoint: text('endpoint'),
    error: text('error'),
    reportedBy: jsonb('reported_by').$type<PrincipalRef>().notNull(),
    occurredAt: at('occurred_at'),
  },
  (t) => [index('deployment_events_deployment_idx').on(t.deploymentId, t.occurredAt)],
);

/**
 * Which version served what share of an environment's traffic, from when to when (null: still
 * serving). A successful deployment closes the environment's open periods and opens its allocation.
 */
export const trafficPeriods = pgTable(
  'traffic_periods',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    environment: environmentEnum('environment').notNull(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => modelVersions.id),
    percent: integer('percent').notNull(),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('traffic_periods_model_idx').on(t.modelId, t.environment, t.startedAt),
    index('traffic_periods_current_idx').on(t.modelId, t.environment).where(sql`${t.endedAt} is null`),
    index('traffic_periods_version_idx').on(t.versionId).where(sql`${t.endedAt} is null`),
  ],
);

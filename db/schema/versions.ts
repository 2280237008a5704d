import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, pgSequence, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { DeploymentSpec, Lineage, PrincipalRef } from './json-columns';
import { deploymentStatusEnum, deploymentTargetEnum, frameworkEnum, versionStateEnum } from './enums';
import { models } from './models';
import { teams } from './teams';

// Every change to a version takes the next number, so a reader (the RAG export) can ask for
// "everything after N" with one indexed range scan.
export const versionChangeSeq = pgSequence('model_version_change_seq');

// A 64-bit transaction id (Postgres xid8), as a decimal string.
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const modelVersions = pgTable(
  'model_versions',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    version: text('version').notNull(),
    framework: frameworkEnum('framework').notNull(),
    artifactUri: text('artifact_uri').notNull(),
    deploymentTarget: deploymentTargetEnum('deployment_target').notNull(),
    deploymentConfig: jsonb('deployment_config').$type<DeploymentSpec['deploymentConfig']>().notNull(),
    description: text('description'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull().default({}),
    hyperparameters: jsonb('hyperparameters')
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    lineage: jsonb('lineage').$type<Lineage>().notNull().default({}),
    state: versionStateEnum('state').notNull().default('draft'),
    deploymentStatus: deploymentStatusEnum('deployment_status').notNull().default('not_deployed'),
    registeredBy: jsonb('registered_by').$type<PrincipalRef>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Deregistration keeps the row as a tombstone: the audit trail and incremental exports need it.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: jsonb('deleted_by').$type<PrincipalRef>(),
    deletedReason: text('deleted_reason'),
    changeSeq: bigint('change_seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('model_version_change_seq')`),
    // The transaction of the last change. Sequence numbers are taken before commit, so a change
    // can become visible after a later number already was; readers resume from the oldest
    // transaction still running when they read (see server/services/export/cursor.ts).
    changeXid: xid8('change_xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    // Also covers tombstones: a deregistered version number is never reused.
    unique('model_versions_model_version_unique').on(t.modelId, t.version),
    index('model_versions_model_live_idx')
      .on(t.modelId, t.deploymentTarget, t.framework, t.state)
      .where(sql`${t.deletedAt} is null`),
    index('model_versions_version_idx').on(t.version, t.modelId).where(sql`${t.deletedAt} is null`),
    // Team lookups, and a team's changes in order (exports filtered by team, teams gained).
    index('model_versions_team_change_idx').on(t.teamId, t.changeXid, t.changeSeq),
    unique('model_versions_change_seq_unique').on(t.changeSeq),
    index('model_versions_change_idx').on(t.changeXid, t.changeSeq),
  ],
);

import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { artifactTypeEnum, environmentEnum, reviewStatusEnum, versionStateEnum } from './enums';
import type { EvaluationMetrics, PolicyDocument, PrincipalRef, Thresholds } from './json-columns';
import { models } from './models';
import { teams } from './teams';
import { modelVersions } from './versions';

const versionRef = () =>
  uuid('version_id')
    .notNull()
    .references(() => modelVersions.id);
const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** A request that maintainers review a version for an environment (seed 003's approvals). */
export const versionReviews = pgTable(
  'version_reviews',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    versionId: versionRef(),
    environment: environmentEnum('environment').notNull(),
    status: reviewStatusEnum('status').notNull().default('open'),
    requestedBy: jsonb('requested_by').$type<PrincipalRef>().notNull(),
    comment: text('comment'),
    createdAt: at('created_at'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: jsonb('closed_by').$type<PrincipalRef>(),
  },
  (t) => [
    // One open review per version at a time.
    uniqueIndex('version_reviews_open_unique').on(t.versionId).where(sql`${t.status} = 'open'`),
    index('version_reviews_version_idx').on(t.versionId, t.createdAt),
    index('version_reviews_open_idx').on(t.createdAt).where(sql`${t.status} = 'open'`),
  ],
);

/** A maintainer's decision on a review; withdrawn when what it approved changes. */
export const versionApprovals = pgTable(
  'version_approvals',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => versionReviews.id),
    versionId: versionRef(),
    environment: environmentEnum('environment').notNull(),
    approver: jsonb('approver').$type<PrincipalRef>().notNull(),
    approverIsAdmin: boolean('approver_is_admin').notNull(),
    comment: text('comment'),
    createdAt: at('created_at'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    // An approval counts once per person: a second one from them is refused, not counted.
    uniqueIndex('version_approvals_once_unique')
      .on(t.reviewId, sql`(${t.approver}->>'id')`)
      .where(sql`${t.withdrawnAt} is null`),
    index('version_approvals_version_idx').on(t.versionId, t.environment),
  ],
);

/** Every change of a version's lifecycle state: who asked, who decided, when, why. */
export const versionTransitions = pgTable(
  'version_transitions',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    versionId: versionRef(),
    fromState: versionStateEnum('from_state').notNull(),
    toState: versionStateEnum('to_state').notNull(),
    requestedBy: jsonb('requested_by').$type<PrincipalRef>().notNull(),
    decidedBy: jsonb('decided_by').$type<PrincipalRef[]>().notNull().default([]),
    reviewId: uuid('review_id').references(() => versionReviews.id),
    comment: text('comment'),
    createdAt: at('created_at'),
  },
  (t) => [index('version_transitions_version_idx').on(t.versionId, t.createdAt)],
);

/** Governance rules of a team (or, with no team, the platform default); every revision kept. */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    teamId: uuid('team_id').references(() => teams.id),
    revision: integer('revision').notNull(),
    document: jsonb('document').$type<PolicyDocument>().notNull(),
    comment: text('comment'),
    createdBy: jsonb('created_by').$type<PrincipalRef>().notNull(),
    createdAt: at('created_at'),
  },
  (t) => [unique('policies_team_revision_unique').on(t.teamId, t.revision).nullsNotDistinct()],
);

/** The outcome of an evaluation suite run against a version; `passed` is computed here. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    versionId: versionRef(),
    suite: text('suite').notNull(),
    metrics: jsonb('metrics').$type<EvaluationMetrics>().notNull(),
    thresholds: jsonb('thresholds').$type<Thresholds>().notNull(),
    passed: boolean('passed').notNull(),
    failures: text('failures').array().notNull(),
    datasetRef: text('dataset_ref'),
    recordedBy: jsonb('recorded_by').$type<PrincipalRef>().notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('evaluations_version_suite_idx').on(t.versionId, t.suite, t.createdAt)],
);

/** The files a version is made of, with their checksums. */
export const artifacts = pgTable(
  'artifacts',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    versionId: versionRef(),
    type: artifactTypeEnum('type').notNull(),
    uri: text('uri').notNull(),
    sha256: text('sha256'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    license: text('license'),
    addedBy: jsonb('added_by').$type<PrincipalRef>().notNull(),
    createdAt: at('created_at'),
  },
  (t) => [unique('artifacts_version_uri_unique').on(t.versionId, t.uri)],
);

/** Named pointers of a model to one of its versions (champion, production, …). */
export const modelAliases = pgTable(
  'model_aliases',
  {
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    alias: text('alias').notNull(),
    versionId: versionRef(),
    movedBy: jsonb('moved_by').$type<PrincipalRef>().notNull(),
    movedAt: at('moved_at'),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.alias] }), index('model_aliases_version_idx').on(t.versionId)],
);

/** Every move of an alias, so "which version was production on March 3rd" has an answer. */
export const aliasMoves = pgTable(
  'alias_moves',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    alias: text('alias').notNull(),
    fromVersionId: uuid('from_version_id').references(() => modelVersions.id),
    toVersionId: uuid('to_version_id').references(() => modelVersions.id),
    movedBy: jsonb('moved_by').$type<PrincipalRef>().notNull(),
    comment: text('comment'),
    movedAt: at('moved_at'),
  },
  (t) => [index('alias_moves_model_alias_idx').on(t.modelId, t.alias, t.movedAt)],
);

import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { deploymentTargetEnum, riskTierEnum, visibilityEnum } from './enums';
import { teams } from './teams';

const inCatalog = (t: { versionCount: unknown }) => sql`${t.versionCount} > 0`;
// The catalog's models that other teams may read (internal or shared); their order indexes also
// hold team_id, visibility and shared_with (INCLUDE, in migration 0018), so a reader from another
// team is answered from the index alone.
const visibleInCatalog = (t: { versionCount: unknown; visibility: unknown }) => sql`${t.versionCount} > 0 and ${t.visibility} <> 'team'`;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

// A model row also carries a summary of its live versions (latest version, targets, tags, count,
// search document), rewritten in the same transaction as every version change, so that the
// catalog reads one row per model instead of aggregating versions on every request.
export const models = pgTable(
  'models',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    // What the catalog shows: the model card, else the newest version's description (summary).
    description: text('description'),
    // The model card maintainers write (PUT /models/{modelId}); null leaves the description to the versions.
    card: text('card'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    owners: text('owners').array().notNull().default(sql`'{}'::text[]`),
    riskTier: riskTierEnum('risk_tier'),
    visibility: visibilityEnum('visibility').notNull().default('team'),
    // The teams a `shared` model is shared with (besides its own).
    sharedWith: uuid('shared_with').array().notNull().default(sql`'{}'::uuid[]`),
    // Where in the versions' change order its visibility last changed: an incremental export
    // tells callers who may no longer read it to delete its documents (server/services/export).
    visibilityChangeXid: xid8('visibility_change_xid'),
    visibilityChangeSeq: bigint('visibility_change_seq', { mode: 'number' }),
    latestVersionId: uuid('latest_version_id'),
    // The latest version as a string that sorts in SemVer order (see latestVersionSortKey).
    latestVersionSort: text('latest_version_sort'),
    deploymentTargets: deploymentTargetEnum('deployment_targets').array().notNull().default(sql`'{}'`),
    // Filter keys of its live versions (server/services/models/facets.ts).
    facets: text('facets').array().notNull().default(sql`'{}'::text[]`),
    versionCount: integer('version_count').notNull().default(0),
    searchVector: tsvector('search_vector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('models_team_name_unique').on(t.teamId, t.name),
    // The catalog's orders, over the models it shows (those with a live version): a page at any
    // offset is then an index-only scan of one of these.
    index('models_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(inCatalog(t)),
    index('models_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(inCatalog(t)),
    index('models_name_idx').on(t.name, t.id).where(inCatalog(t)),
    index('models_latest_version_idx').on(t.latestVersionSort.desc().nullsFirst(), t.id.desc().nullsFirst()).where(inCatalog(t)),
    index('models_team_updated_idx').on(t.teamId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(inCatalog(t)),
    index('models_facets_idx').using('gin', t.facets),
    index('models_search_idx').using('gin', t.searchVector),
    index('models_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // Models other teams may read, for the catalog and the export.
    index('models_visible_idx').on(t.visibility).where(sql`${t.visibility} <> 'team'`),
    index('models_visible_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(visibleInCatalog(t)),
    index('models_visible_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(visibleInCatalog(t)),
    index('models_visible_name_idx').on(t.name, t.id).where(visibleInCatalog(t)),
    index('models_visible_latest_version_idx').on(t.latestVersionSort.desc().nullsFirst(), t.id.desc().nullsFirst()).where(visibleInCatalog(t)),
    index('models_shared_with_idx').using('gin', t.sharedWith),
  ],
);

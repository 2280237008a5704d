import { type SQL, and, arrayContains, count, eq, exists, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { modelAliases, modelVersions, models, teams } from '@/db/schema';
import { COUNT_LIMIT, type ListModelsInput, type ListModelsOutput } from '../../schemas/model';
import { isoTimestamp } from '../keyset';
import { TIMESTAMP_SORTS, decodeCursor, encodeCursor } from './cursor';
import { requiredFacets } from './facets';
import { latestVersionColumns, modelColumns, toModel } from './serialize';
import { compareSemver } from './summary';
import { anyOf } from '../any-of';
import { READ, operation } from '../operation';
import { readableScopes } from './visible';

const SORT_COLUMNS = {
  updated: models.updatedAt,
  created: models.createdAt,
  name: models.name,
  latestVersion: models.latestVersionSort,
} as const;
const DEFAULT_ORDER = { updated: 'desc', created: 'desc', name: 'asc', latestVersion: 'desc' } as const;

/** The catalog: models the principal may read, filtered, one page at a time. */
export const listModels = operation(READ, async ({ db, actor: { principal } }, input: ListModelsInput): Promise<ListModelsOutput> => {
  const order = input.order ?? DEFAULT_ORDER[input.sort];
  const sortColumn = SORT_COLUMNS[input.sort];
  const cursor = input.cursor ? decodeCursor(input.cursor, { sort: input.sort, order }) : null;
  const afterCursor = cursor && keysetCondition(sortColumn, order, cursor.value, cursor.id);
  const filters = filterConditions(db, input);
  const skip = cursor ? 0 : input.offset;
  // What the caller may read, in disjoint parts (none: everything). Each part is read from its
  // own order index and the parts are merged, rather than one OR that reads every candidate row.
  const scopes = await readableScopes(db, principal);
  const parts = scopes.length ? scopes : [undefined];
  const matching = (scope: SQL | undefined) => and(scope, ...filters);

  // The page's ids first, from the order's index alone (even 50,000 rows deep), then its rows.
  const ordered = (scope: SQL | undefined, limit: number) =>
    db
      .select({ id: models.id, key: sql<string>`${sortColumn}`.as('key') })
      .from(models)
      .where(and(matching(scope), afterCursor ?? undefined))
      .orderBy(...orderBy(sortColumn, order))
      .limit(limit);
  const merged = parts.length === 1 ? null : ordered(parts[0], skip + input.limit + 1).unionAll(ordered(parts[1], skip + input.limit + 1)).as('merged');
  const pageIds = merged
    ? db
        .select({ id: merged.id })
        .from(merged)
        .orderBy(...(order === 'desc' ? [sql`${merged.key} desc`, sql`${merged.id} desc`] : [sql`${merged.key} asc`, sql`${merged.id} asc`]))
        .limit(input.limit + 1)
        .offset(skip)
    : db
        .select({ id: models.id })
        .from(models)
        .where(and(matching(parts[0]), afterCursor ?? undefined))
        .orderBy(...orderBy(sortColumn, order))
        .limit(input.limit + 1)
        .offset(skip);
  // Counting every match of a broad query or a common word costs more than the page: the count
  // stops at COUNT_LIMIT (totalIsExact false beyond); the parts are disjoint, so their counts add.
  const counted = (scope: SQL | undefined) => db.select({ id: models.id }).from(models).where(matching(scope)).limit(COUNT_LIMIT + 1);
  const countQuery = (parts.length === 1 ? counted(parts[0]) : counted(parts[0]).unionAll(counted(parts[1]))).as('matches');
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        model: modelColumns,
        teamSlug: teams.slug,
        latest: latestVersionColumns(modelVersions),
        sortKey: TIMESTAMP_SORTS.has(input.sort) ? isoTimestamp(sortColumn) : sql<string>`${sortColumn}::text`,
      })
      .from(models)
      .innerJoin(teams, eq(teams.id, models.teamId))
      .leftJoin(modelVersions, eq(modelVersions.id, models.latestVersionId))
      .where(inArray(models.id, pageIds))
      .orderBy(...orderBy(sortColumn, order)),
    db.select({ total: count() }).from(countQuery),
  ]);

  const page = rows.slice(0, input.limit);
  // What is in production, for each model of the page (the state index of live versions).
  const inProduction = page.length
    ? await db
        .select({ modelId: modelVersions.modelId, version: modelVersions.version, createdAt: modelVersions.createdAt })
        .from(modelVersions)
        .where(and(anyOf(modelVersions.modelId, page.map((r) => r.model.id)), eq(modelVersions.state, 'production'), isNull(modelVersions.deletedAt)))
    : [];
  const last = page.at(-1);
  const hasMore = rows.length > input.limit;
  return {
    items: page.map((r) => ({
      ...toModel(r.model, r.teamSlug, r.latest?.id ? r.latest : null),
      inProduction: inProduction
        .filter((v) => v.modelId === r.model.id)
        .sort(compareSemver)
        .reverse()
        .map((v) => v.version),
    })),
    total: Math.min(totals?.total ?? 0, COUNT_LIMIT),
    totalIsExact: (totals?.total ?? 0) <= COUNT_LIMIT,
    limit: input.limit,
    offset: cursor ? 0 : input.offset,
    nextCursor:
      hasMore && last ? encodeCursor({ sort: input.sort, order, value: last.sortKey, id: last.model.id }) : null,
  };
});

function filterConditions(db: Database, input: ListModelsInput): (SQL | undefined)[] {
  const facets = requiredFacets(input);
  return [
    // A model whose every version was deregistered has left the catalog.
    gt(models.versionCount, 0),
    input.team ? eq(models.teamId, db.select({ id: teams.id }).from(teams).where(eq(teams.slug, input.team))) : undefined,
    facets.length ? arrayContains(models.facets, facets) : undefined,
    input.state || input.version ? someVersionMatches(db, input) : undefined,
    input.q ? textSearch(input.q) : undefined,
    input.alias ? exists(db.select({ one: sql`1` }).from(modelAliases).where(and(eq(modelAliases.modelId, models.id), eq(modelAliases.alias, input.alias)))) : undefined,
  ];
}

/** State and exact version are not facets: a live version must match them (and the other filters). */
function someVersionMatches(db: Database, input: ListModelsInput): SQL {
  const v = alias(modelVersions, 'v');
  return exists(
    db
      .select({ one: sql`1` })
      .from(v)
      .where(
        and(
          eq(v.modelId, models.id),
          isNull(v.deletedAt),
          input.deploymentTarget ? eq(v.deploymentTarget, input.deploymentTarget) : undefined,
          input.framework ? eq(v.framework, input.framework) : undefined,
          input.state ? eq(v.state, input.state) : undefined,
          input.version ? eq(v.version, input.version) : undefined,
        ),
      ),
  );
}

/** Each word matches as a prefix in the name, tags or description; the name also by substring. */
function textSearch(q: string): SQL | undefined {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const substring = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byName = sql`${models.name} ilike ${substring}`;
  if (words.length === 0) return byName;
  const query = words.map((w) => `${w}:*`).join(' & ');
  return or(sql`${models.searchVector} @@ to_tsquery('simple', ${query})`, byName);
}

type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

function keysetCondition(column: SortColumn, order: 'asc' | 'desc', value: string, id: string): SQL {
  const isText = column === models.name || column === models.latestVersionSort;
  const typed = isText ? sql`${value}` : sql`${value}::timestamptz`;
  return order === 'desc'
    ? sql`(${column}, ${models.id}) < (${typed}, ${id}::uuid)`
    : sql`(${column}, ${models.id}) > (${typed}, ${id}::uuid)`;
}

const orderBy = (column: SortColumn, order: 'asc' | 'desc') =>
  order === 'desc' ? [sql`${column} desc`, sql`${models.id} desc`] : [sql`${column} asc`, sql`${models.id} asc`];


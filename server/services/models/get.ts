import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import type { ModelDetail } from '../../schemas/model';
import { latestVersionColumns, modelColumns, toModel, toModelVersion } from './serialize';
import { compareSemver } from './summary';
import { READ, operation } from '../operation';
import { prepared } from '../prepared';

type VersionOrder = 'chronological' | 'semver';

/** A model the principal may read, with its live versions; other teams' models do not exist. */
export const getModel = operation(READ, async ({ db, actor }, input: { modelId: string; order: VersionOrder }) => {
  const [row] = await prepared(db, 'model_detail_by_id', (d) => modelRow(d, eq(models.id, sql.placeholder('modelId'))).prepare('model_detail_by_id')).execute(input);
  return modelDetail(db, actor.principal, row, input.order);
});

/** The same, looked up by team and name. */
export const getModelByName = operation(READ, async ({ db, actor }, input: { team: string; name: string; order: VersionOrder }) => {
  const match = and(eq(teams.slug, sql.placeholder('team')), eq(models.name, sql.placeholder('name')))!;
  const [row] = await prepared(db, 'model_detail_by_name', (d) => modelRow(d, match).prepare('model_detail_by_name')).execute(input);
  return modelDetail(db, actor.principal, row, input.order);
});

const modelRow = (db: Database, match: SQL) =>
  db
    .select({ model: modelColumns, teamSlug: teams.slug, latest: latestVersionColumns(modelVersions) })
    .from(models)
    .innerJoin(teams, eq(teams.id, models.teamId))
    .leftJoin(modelVersions, eq(modelVersions.id, models.latestVersionId))
    .where(match)
    .limit(1);

const liveVersionsOf = (db: Database) =>
  db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, sql.placeholder('modelId')), isNull(modelVersions.deletedAt)))
    .orderBy(asc(modelVersions.createdAt), asc(modelVersions.id))
    .prepare('live_versions_of_model');

async function modelDetail(
  db: Database,
  principal: Principal,
  row: Awaited<ReturnType<typeof modelRow>>[number] | undefined,
  order: VersionOrder,
): Promise<ModelDetail> {
  if (!row || !canReadModel(principal, row.model) || row.model.versionCount === 0) throw notFound('Model');

  const [versions, sharedWith] = await Promise.all([
    prepared(db, 'live_versions_of_model', liveVersionsOf).execute({ modelId: row.model.id }),
    row.model.sharedWith.length ? db.select({ slug: teams.slug }).from(teams).where(inArray(teams.id, row.model.sharedWith)).orderBy(asc(teams.slug)) : [],
  ]);
  if (order === 'semver') versions.sort(compareSemver);

  const ref = { name: row.model.name, teamSlug: row.teamSlug };
  return {
    ...toModel(row.model, row.teamSlug, row.latest?.id ? row.latest : null),
    sharedWith: sharedWith.map((t) => t.slug),
    versions: versions.map((v) => toModelVersion(v, ref)),
  };
}

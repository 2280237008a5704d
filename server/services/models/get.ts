import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import type { ModelDetail } from '../../schemas/model';
import { latestVersionColumns, modelColumns, toModel, toModelVersion } from './serialize';
import { compareSemver } from './summary';
import { READ, operation } from '../operation';

type VersionOrder = 'chronological' | 'semver';

/** A model the principal may read, with its live versions; other teams' models do not exist. */
export const getModel = operation(READ, ({ db, actor }, input: { modelId: string; order: VersionOrder }) =>
  loadModelDetail(db, actor.principal, eq(models.id, input.modelId), input.order),
);

/** The same, looked up by team and name. */
export const getModelByName = operation(READ, ({ db, actor }, input: { team: string; name: string; order: VersionOrder }) =>
  loadModelDetail(db, actor.principal, and(eq(teams.slug, input.team), eq(models.name, input.name))!, input.order),
);

async function loadModelDetail(
  db: Database,
  principal: Principal,
  match: ReturnType<typeof eq>,
  order: VersionOrder,
): Promise<ModelDetail> {
  const [row] = await db
    .select({ model: modelColumns, teamSlug: teams.slug, latest: latestVersionColumns(modelVersions) })
    .from(models)
    .innerJoin(teams, eq(teams.id, models.teamId))
    .leftJoin(modelVersions, eq(modelVersions.id, models.latestVersionId))
    .where(match)
    .limit(1);
  if (!row || !canReadModel(principal, row.model) || row.model.versionCount === 0) throw notFound('Model');

  const [versions, sharedWith] = await Promise.all([
    db
      .select()
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, row.model.id), isNull(modelVersions.deletedAt)))
      .orderBy(asc(modelVersions.createdAt), asc(modelVersions.id)),
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

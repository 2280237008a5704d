import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import { modelColumns } from '../models/serialize';

/**
 * A live version with its model, when the principal may read the model's team. With `lock`, the
 * model row and then the version row are locked (always in that order, as registration does).
 */
export async function findLiveVersion(
  db: Database,
  principal: Principal,
  key: { modelId: string; version: string },
  lock = false,
) {
  const modelQuery = db
    .select({ model: modelColumns, teamSlug: teams.slug })
    .from(models)
    .innerJoin(teams, eq(teams.id, models.teamId))
    .where(eq(models.id, key.modelId));
  const [found] = lock ? await modelQuery.for('update', { of: models }) : await modelQuery;
  if (!found || !canReadModel(principal, found.model)) throw notFound('Model');

  const versionQuery = db
    .select()
    .from(modelVersions)
    .where(
      and(
        eq(modelVersions.modelId, key.modelId),
        eq(modelVersions.version, key.version),
        isNull(modelVersions.deletedAt),
      ),
    );
  const [version] = lock ? await versionQuery.for('update') : await versionQuery;
  if (!version) throw notFound(`Version ${key.version} of model "${found.model.name}"`);
  return { model: found.model, teamSlug: found.teamSlug, version };
}

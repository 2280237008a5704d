import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import { modelColumns } from '../models/serialize';
import { prepared } from '../prepared';

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
  // Reads (the common case) use statements prepared once; locking reads are in a transaction.
  const [found] = lock
    ? await modelQuery(db, key.modelId).for('update', { of: models })
    : await prepared(db, 'readable_model_by_id', (d) => modelQuery(d, sql.placeholder('modelId')).prepare('readable_model_by_id')).execute(key);
  if (!found || !canReadModel(principal, found.model)) throw notFound('Model');
  const [version] = lock
    ? await versionQuery(db, key.modelId, key.version).for('update')
    : await prepared(db, 'live_version', (d) => versionQuery(d, sql.placeholder('modelId'), sql.placeholder('version')).prepare('live_version')).execute(key);
  if (!version) throw notFound(`Version ${key.version} of model "${found.model.name}"`);
  return { model: found.model, teamSlug: found.teamSlug, version };
}

type Value = string | ReturnType<typeof sql.placeholder>;

const modelQuery = (db: Database, modelId: Value) =>
  db.select({ model: modelColumns, teamSlug: teams.slug }).from(models).innerJoin(teams, eq(teams.id, models.teamId)).where(eq(models.id, modelId));

const versionQuery = (db: Database, modelId: Value, version: Value) =>
  db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version), isNull(modelVersions.deletedAt)));

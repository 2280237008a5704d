import { and, eq, isNotNull } from 'drizzle-orm';
import { modelVersions, models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import { notFound } from '../../errors/app-error';
import type { Deregistration } from '../../schemas/version';
import { modelColumns } from '../models/serialize';
import { READ, operation } from '../operation';

/** The tombstone of a deregistered version, for those who may read its model. */
export const getDeregistration = operation(READ, async ({ db, actor: { principal } }, key: { modelId: string; version: string }): Promise<Deregistration> => {
  const [found] = await db
    .select({ model: modelColumns, team: teams.slug, version: modelVersions })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, models.teamId))
    .where(and(eq(modelVersions.modelId, key.modelId), eq(modelVersions.version, key.version), isNotNull(modelVersions.deletedAt)));
  if (!found || !canReadModel(principal, found.model)) throw notFound(`Deregistered version ${key.version}`);
  const { version } = found;
  return {
    modelId: found.model.id,
    modelName: found.model.name,
    team: found.team,
    version: version.version,
    artifactUri: version.artifactUri,
    registeredBy: version.registeredBy,
    registeredAt: version.createdAt.toISOString(),
    deregisteredBy: version.deletedBy,
    deregisteredAt: (version.deletedAt as Date).toISOString(),
    reason: version.deletedReason,
  };
});

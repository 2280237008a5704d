import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, models, teams } from '@/db/schema';
import { writableTeamSlug } from '../../auth/access';
import { type Principal, principalRef } from '../../auth/principal';
import { conflict, notFound } from '../../errors/app-error';
import { metrics } from '../../observability/metrics';
import type { RegisterModelInput, RegisterModelOutput } from '../../schemas/register';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import { findTeamBySlug } from '../teams/find';
import { toModel, toModelVersion } from './serialize';
import { refreshModelSummary } from './summary';
import { operation } from '../operation';
import { config } from '../../config';

/**
 * Registers a version, creating the model on its first registration. The unique constraint on
 * (model, version) decides between concurrent duplicates: exactly one commits, the rest get 409.
 */
export const registerModel = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: RegisterModelInput): Promise<RegisterModelOutput> => {
  const team = await teamToWrite(db, actor.principal, input.team);

  try {
    const result = await db.transaction(async (tx) => {
      // The upsert also locks the model row until commit, serialising changes to this model only.
      const [model] = await tx
        .insert(models)
        .values({ teamId: team.id, name: input.name, visibility: config.defaultModelVisibility })
        .onConflictDoUpdate({ target: [models.teamId, models.name], set: { updatedAt: sql`now()` } })
        .returning({ id: models.id, name: models.name, created: sql<boolean>`xmax = 0` });
      const [version] = await tx
        .insert(modelVersions)
        .values({
          modelId: model!.id,
          teamId: team.id,
          version: input.version,
          framework: input.framework,
          artifactUri: input.artifactUri,
          deploymentTarget: input.deploymentTarget,
          deploymentConfig: input.deploymentConfig,
          description: input.description ?? null,
          tags: input.tags ?? [],
          metrics: input.metrics ?? {},
          hyperparameters: input.hyperparameters ?? {},
          lineage: input.lineage ?? {},
          registeredBy: principalRef(actor.principal),
        })
        .returning();
      const summary = await refreshModelSummary(tx, model!);
      await recordAudit(tx, actor, {
        teamId: team.id,
        action: model!.created ? 'model.created' : 'version.registered',
        announceAs: 'version.registered',
        resourceType: 'model_version',
        resourceId: version!.id,
        summary: {
          modelId: model!.id,
          model: input.name,
          version: input.version,
          framework: input.framework,
          deploymentTarget: input.deploymentTarget,
          artifactUri: input.artifactUri,
        },
      });
      return {
        modelId: model!.id,
        versionId: version!.id,
        model: toModel(summary.model, team.slug, summary.latest),
        version: toModelVersion(version!, { name: model!.name, teamSlug: team.slug }),
      };
    });
    metrics.registrations.inc({ team: team.slug, framework: input.framework, target: input.deploymentTarget });
    return result;
  } catch (error) {
    if (isUniqueViolation(error, 'model_versions_model_version_unique')) {
      throw await duplicateVersionError(db, team.id, input.name, input.version);
    }
    throw error;
  }
});

/** A member's team is known from its membership; only an admin's choice is looked up. */
async function teamToWrite(db: Database, principal: Principal, slug: string | undefined): Promise<{ id: string; slug: string }> {
  const teamSlug = writableTeamSlug(principal, registerModel.access.role, slug);
  const membership = principal.memberships.find((m) => m.teamSlug === teamSlug);
  const team = membership ? { id: membership.teamId, slug: teamSlug } : await findTeamBySlug(db, teamSlug);
  if (!team) throw notFound(`Team "${teamSlug}"`);
  return team;
}

async function duplicateVersionError(db: Database, teamId: string, name: string, version: string) {
  const [existing] = await db
    .select({ modelId: models.id, versionId: modelVersions.id, deletedAt: modelVersions.deletedAt, team: teams.slug })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, models.teamId))
    .where(and(eq(models.teamId, teamId), eq(models.name, name), eq(modelVersions.version, version)));
  const reason = existing?.deletedAt
    ? 'was registered and then deregistered; version numbers are never reused'
    : 'is already registered';
  return conflict(`Version ${version} of model "${name}" ${reason}`, {
    modelId: existing?.modelId,
    versionId: existing?.deletedAt ? undefined : existing?.versionId,
    team: existing?.team,
    version,
  });
}

import { and, asc, desc, eq } from 'drizzle-orm';
import { alias as aliased } from 'drizzle-orm/pg-core';
import { aliasMoves, modelAliases, models, modelVersions, teams } from '@/db/schema';
import { readableModel } from '../models/readable';
import { notFound } from '../../errors/app-error';
import type { ResolveAliasInput } from '../../schemas/alias';
import type { ModelVersion } from '../../schemas/version';
import { toModelVersion } from '../models/serialize';
import { READ, operation } from '../operation';

const fromVersion = aliased(modelVersions, 'from_version');
const toVersion = aliased(modelVersions, 'to_version');

/** A model's aliases and every move of them, newest first. */
export const listAliases = operation(READ, async ({ db, actor }, { modelId }: { modelId: string }) => {
  const { model } = await readableModel(db, actor.principal, eq(models.id, modelId));
  const [current, moves] = await Promise.all([
    db
      .select({ alias: modelAliases.alias, version: modelVersions.version, movedBy: modelAliases.movedBy, movedAt: modelAliases.movedAt })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(eq(modelAliases.modelId, model.id))
      .orderBy(asc(modelAliases.alias)),
    db
      .select({ alias: aliasMoves.alias, from: fromVersion.version, to: toVersion.version, movedBy: aliasMoves.movedBy, comment: aliasMoves.comment, at: aliasMoves.movedAt })
      .from(aliasMoves)
      .leftJoin(fromVersion, eq(fromVersion.id, aliasMoves.fromVersionId))
      .leftJoin(toVersion, eq(toVersion.id, aliasMoves.toVersionId))
      .where(eq(aliasMoves.modelId, model.id))
      .orderBy(desc(aliasMoves.movedAt), desc(aliasMoves.id)),
  ]);
  return {
    aliases: current.map((a) => ({ ...a, movedAt: a.movedAt.toISOString() })),
    history: moves.map((m) => ({ ...m, at: m.at.toISOString() })),
  };
});

/** The version `team/name@alias` points at; `latest` is the latest release. */
export const resolveAlias = operation(READ, async ({ db, actor }, input: ResolveAliasInput): Promise<ModelVersion> => {
  const { model, teamSlug } = await readableModel(db, actor.principal, and(eq(teams.slug, input.team), eq(models.name, input.name))!);
  const [row] =
    input.alias === 'latest'
      ? model.latestVersionId
        ? await db.select().from(modelVersions).where(eq(modelVersions.id, model.latestVersionId))
        : []
      : await db
          .select({ version: modelVersions })
          .from(modelAliases)
          .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
          .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, input.alias)))
          .then((rows) => rows.map((r) => r.version));
  if (!row || row.deletedAt) throw notFound(`Alias "${input.alias}" of model "${model.name}"`);
  return toModelVersion(row, { name: model.name, teamSlug });
});

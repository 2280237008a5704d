import { and, desc, eq } from 'drizzle-orm';
import { models, modelVersions, teams } from '@/db/schema';
import { readableModels } from '../models/visible';
import type { ListChangesInput, ListChangesOutput } from '../../schemas/change';
import { READ, operation } from '../operation';

/** The versions changed last (registered, updated or deregistered) among the teams the caller reads. */
export const listRecentChanges = operation(READ, async ({ db, actor: { principal } }, input: ListChangesInput): Promise<ListChangesOutput> => {
  const rows = await db
    .select({
      modelId: modelVersions.modelId,
      modelName: models.name,
      team: teams.slug,
      version: modelVersions.version,
      state: modelVersions.state,
      createdAt: modelVersions.createdAt,
      updatedAt: modelVersions.updatedAt,
      deletedAt: modelVersions.deletedAt,
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, modelVersions.teamId))
    .where(and(await readableModels(db, principal), input.team ? eq(teams.slug, input.team) : undefined))
    .orderBy(desc(modelVersions.changeXid), desc(modelVersions.changeSeq))
    .limit(input.limit);
  return {
    items: rows.map(({ createdAt, updatedAt, deletedAt, ...row }) => ({
      ...row,
      change: deletedAt ? 'deregistered' : updatedAt.getTime() === createdAt.getTime() ? 'registered' : 'updated',
      at: updatedAt.toISOString(),
    })),
  };
});

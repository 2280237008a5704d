import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { models, modelVersions, teams } from '@/db/schema';
import { assertRoleOnModel } from '../../auth/access';
import { notFound, validationFailed } from '../../errors/app-error';
import type { Model, UpdateModelInput } from '../../schemas/model';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { nextChange } from '../versions/change';
import { readableModel } from './readable';
import { toModel } from './serialize';
import { refreshModelSummary } from './summary';

/** The ids of these team slugs; an unknown one is a field error. */
async function teamIds(tx: Database, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const found = await tx.select({ id: teams.id, slug: teams.slug }).from(teams).where(inArray(teams.slug, slugs));
  const missing = slugs.filter((slug) => !found.some((t) => t.slug === slug));
  if (missing.length) throw validationFailed({ sharedWith: [`no such team: ${missing.join(', ')}`] });
  return slugs.map((slug) => found.find((t) => t.slug === slug)!.id);
}

/** Maintainers keep a model's card, owners, risk tier and visibility; every change is audited and re-exported. */
export const updateModel = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, input: UpdateModelInput): Promise<Model> =>
  db.transaction(async (tx) => {
    const { model, teamSlug } = await readableModel(tx, actor.principal, eq(models.id, input.modelId), true);
    if (model.versionCount === 0) throw notFound('Model');
    assertRoleOnModel(actor.principal, model.teamId, updateModel.access.role);
    const changes: Partial<Pick<typeof models.$inferInsert, 'card' | 'owners' | 'riskTier' | 'visibility' | 'sharedWith'>> = {};
    if (input.description !== undefined) changes.card = input.description;
    if (input.owners !== undefined) changes.owners = input.owners;
    if (input.riskTier !== undefined) changes.riskTier = input.riskTier;
    if (input.visibility !== undefined) changes.visibility = input.visibility;
    const visibility = input.visibility ?? model.visibility;
    if (input.sharedWith !== undefined || visibility !== 'shared') {
      if (input.sharedWith?.length && visibility !== 'shared') throw validationFailed({ sharedWith: ['only a shared model is shared with teams: set visibility to "shared"'] });
      changes.sharedWith = visibility === 'shared' ? await teamIds(tx, input.sharedWith ?? []) : [];
    }
    const readersChange = changes.visibility !== undefined && changes.visibility !== model.visibility || (changes.sharedWith !== undefined && changes.sharedWith.join() !== model.sharedWith.join());
    await tx
      .update(models)
      .set({
        ...changes,
        // Where the readers changed, in the versions' change order: exports after it tell those
        // who may no longer read the model to delete its documents.
        ...(readersChange ? { visibilityChangeXid: sql`pg_current_xact_id()`, visibilityChangeSeq: sql`nextval('model_version_change_seq')` } : {}),
      })
      .where(eq(models.id, model.id));
    const summary = await refreshModelSummary(tx, model);
    // Every live version's document carries these facts: the RAG export sends them again.
    await tx.update(modelVersions).set(nextChange()).where(and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt)));
    const before = { card: model.card, owners: model.owners, riskTier: model.riskTier, visibility: model.visibility, sharedWith: model.sharedWith };
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'model.updated',
      resourceType: 'model',
      resourceId: model.id,
      summary: { model: model.name, changed: Object.fromEntries(Object.entries(changes).map(([field, to]) => [field, { from: before[field as keyof typeof before], to }])) },
    });
    return toModel(summary.model, teamSlug, summary.latest);
  }),
);

import { and, eq, isNull } from 'drizzle-orm';
import { models, modelVersions } from '@/db/schema';
import { assertTeamAccess } from '../../auth/access';
import { notFound } from '../../errors/app-error';
import type { Model, UpdateModelInput } from '../../schemas/model';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { nextChange } from '../versions/change';
import { readableModel } from './readable';
import { toModel } from './serialize';
import { refreshModelSummary } from './summary';

/** Maintainers keep a model's card, owners and risk tier; every change is audited and re-exported. */
export const updateModel = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, input: UpdateModelInput): Promise<Model> =>
  db.transaction(async (tx) => {
    const { model, teamSlug } = await readableModel(tx, actor.principal, eq(models.id, input.modelId), true);
    if (model.versionCount === 0) throw notFound('Model');
    assertTeamAccess(actor.principal, model.teamId, updateModel.access.role, 'Model');
    const changes: Partial<Pick<typeof models.$inferInsert, 'card' | 'owners' | 'riskTier'>> = {};
    if (input.description !== undefined) changes.card = input.description;
    if (input.owners !== undefined) changes.owners = input.owners;
    if (input.riskTier !== undefined) changes.riskTier = input.riskTier;
    await tx.update(models).set(changes).where(eq(models.id, model.id));
    const summary = await refreshModelSummary(tx, model);
    // Every live version's document carries these facts: the RAG export sends them again.
    await tx.update(modelVersions).set(nextChange()).where(and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt)));
    const before = { card: model.card, owners: model.owners, riskTier: model.riskTier };
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

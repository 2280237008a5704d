import { eq, sql } from 'drizzle-orm';
import { aliasMoves, modelAliases, modelVersions } from '@/db/schema';
import { nextChange } from './change';
import { assertRoleOnModel } from '../../auth/access';
import { principalRef } from '../../auth/principal';
import { recordAudit } from '../audit/record';
import { withdrawOpenReview } from '../governance/close-review';
import { refreshModelSummary } from '../models/summary';
import { findLiveVersion } from './find';
import { operation } from '../operation';

/** Deregisters a version, keeping its row as a tombstone for the audit trail and exports. */
export const deregisterVersion = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, key: { modelId: string; version: string; reason?: string }): Promise<void> => {
  await db.transaction(async (tx) => {
    const { model, version } = await findLiveVersion(tx, actor.principal, key, true);
    assertRoleOnModel(actor.principal, model.teamId, deregisterVersion.access.role);
    await tx
      .update(modelVersions)
      .set({
        deletedAt: sql`now()`,
        deletedBy: principalRef(actor.principal),
        deletedReason: key.reason || null,
        updatedAt: sql`now()`,
        ...nextChange(),
      })
      .where(eq(modelVersions.id, version.id));
    await refreshModelSummary(tx, model);
    // A tombstone is in no review and behind no alias.
    await withdrawOpenReview(tx, actor, version.id);
    const dropped = await tx.delete(modelAliases).where(eq(modelAliases.versionId, version.id)).returning({ alias: modelAliases.alias });
    if (dropped.length) {
      await tx.insert(aliasMoves).values(dropped.map(({ alias }) => ({ modelId: model.id, alias, fromVersionId: version.id, toVersionId: null, movedBy: principalRef(actor.principal), comment: 'version deregistered' })));
    }
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'version.deregistered',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: { modelId: model.id, model: model.name, version: version.version, artifactUri: version.artifactUri, aliasesRemoved: dropped.map((d) => d.alias), ...(key.reason ? { reason: key.reason } : {}) },
    });
  });
});

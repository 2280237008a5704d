import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { modelVersions, versionTransitions } from '@/db/schema';
import type { PrincipalRef } from '@/db/schema/json-columns';
import { type Actor, principalRef } from '../../auth/principal';
import type { VersionState } from '../../schemas/lifecycle';
import { recordAudit } from '../audit/record';
import type { ModelRow, VersionRow } from '../models/serialize';
import { nextChange } from '../versions/change';

interface Move {
  to: VersionState;
  requestedBy?: PrincipalRef;
  decidedBy?: PrincipalRef[];
  reviewId?: string;
  comment?: string | null;
}

/**
 * Moves a locked version to a new state: the row (and its change position, for exports), the
 * transition in the version's history, and the audit record, in the caller's transaction.
 */
export async function moveState(tx: Database, actor: Actor, { model, version }: { model: Pick<ModelRow, 'id' | 'teamId' | 'name'>; version: VersionRow }, move: Move) {
  const requestedBy = move.requestedBy ?? principalRef(actor.principal);
  await tx
    .update(modelVersions)
    .set({ state: move.to, updatedAt: sql`now()`, ...nextChange() })
    .where(eq(modelVersions.id, version.id));
  await tx.insert(versionTransitions).values({
    versionId: version.id,
    fromState: version.state,
    toState: move.to,
    requestedBy,
    decidedBy: move.decidedBy ?? [],
    reviewId: move.reviewId ?? null,
    comment: move.comment ?? null,
    // The moment of the move, not of the transaction's start: a change that waited for the
    // version's lock happened after the one that held it.
    createdAt: sql`clock_timestamp()`,
  });
  await recordAudit(tx, actor, {
    teamId: model.teamId,
    action: 'version.transitioned',
    resourceType: 'model_version',
    resourceId: version.id,
    summary: { modelId: model.id, model: model.name, version: version.version, from: version.state, to: move.to, requestedBy, decidedBy: move.decidedBy ?? [], comment: move.comment ?? null },
  });
  version.state = move.to;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { versionReviews } from '@/db/schema';
import { type Actor, principalRef } from '../../auth/principal';

/** Ends the version's open review (there is at most one) as withdrawn by the actor. */
export async function withdrawOpenReview(tx: Database, actor: Actor, versionId: string): Promise<void> {
  await tx
    .update(versionReviews)
    .set({ status: 'withdrawn', closedAt: sql`now()`, closedBy: principalRef(actor.principal) })
    .where(and(eq(versionReviews.versionId, versionId), eq(versionReviews.status, 'open')));
}

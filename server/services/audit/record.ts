import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChains, auditLog } from '@/db/schema';
import { type Actor, principalRef } from '../../auth/principal';
import { GENESIS_HASH, auditHash } from './hash';

export interface AuditEntry {
  teamId: string | null;
  action: string;
  resourceType: 'model' | 'model_version' | 'api_token' | 'team' | 'session' | 'request';
  resourceId: string;
  summary?: Record<string, unknown>;
}

/** Records without a team (sign-ins, denied requests) share one chain. */
export const PLATFORM_CHAIN = 'platform';

/**
 * Appends an audit record to its team's chain; call it inside the transaction of the change it
 * describes, last, so the chain head's row lock is held only until that transaction commits.
 */
export async function recordAudit(tx: Database, actor: Pick<Actor, 'principal' | 'correlationId'>, entry: AuditEntry) {
  const chainKey = entry.teamId ?? PLATFORM_CHAIN;
  const [head] = await tx
    .insert(auditChains)
    .values({ chainKey, lastSeq: 1, lastHash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChains.chainKey, set: { lastSeq: sql`${auditChains.lastSeq} + 1` } })
    .returning();
  const record = {
    chainKey,
    seq: head!.lastSeq,
    occurredAt: new Date(),
    actor: principalRef(actor.principal),
    teamId: entry.teamId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    correlationId: actor.correlationId,
    summary: entry.summary ?? {},
    prevHash: head!.lastHash,
  };
  const hash = auditHash(record);
  // One statement (and one round trip) appends the record and moves the chain head to it.
  const appended = tx.$with('appended').as(tx.insert(auditLog).values({ ...record, hash }).returning({ seq: auditLog.seq }));
  await tx.with(appended).update(auditChains).set({ lastHash: hash }).where(eq(auditChains.chainKey, chainKey));
}

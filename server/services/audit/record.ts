import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChains, auditLog } from '@/db/schema';
import { type Actor, principalRef } from '../../auth/principal';
import { config } from '../../config';
import { type EventType, isEventType, recordEvent } from '../events/record';
import { GENESIS_HASH, auditHash, headSignature, recordSignature } from './hash';

export interface AuditEntry {
  teamId: string | null;
  action: string;
  resourceType: 'model' | 'model_version' | 'api_token' | 'team' | 'session' | 'request' | 'policy' | 'deployment' | 'webhook';
  resourceId: string;
  summary?: Record<string, unknown>;
  /** The event type subscribers get when it is not the action (a model's first version is registered). */
  announceAs?: EventType;
}

/** Records without a team (sign-ins, denied requests) share one chain. */
const PLATFORM_CHAIN = 'platform';

/**
 * Appends an audit record to its team's chain; call it inside the transaction of the change it
 * describes, last, so the chain head's row lock is held only until that transaction commits.
 */
export async function recordAudit(tx: Database, actor: Pick<Actor, 'principal' | 'correlationId'>, entry: AuditEntry) {
  const chainKey = entry.teamId ?? PLATFORM_CHAIN;
  const [chain] = await tx
    .insert(auditChains)
    .values({ chainKey, lastSeq: 1, lastHash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChains.chainKey, set: { lastSeq: sql`${auditChains.lastSeq} + 1` } })
    .returning();
  const record = {
    chainKey,
    seq: chain!.lastSeq,
    occurredAt: new Date(),
    actor: principalRef(actor.principal),
    teamId: entry.teamId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    correlationId: actor.correlationId,
    summary: entry.summary ?? {},
    prevHash: chain!.lastHash,
  };
  const hash = auditHash(record);
  const key = config.auditSigningKey;
  const signature = key ? recordSignature(key, hash) : null;
  const head = { lastHash: hash, signature: key ? headSignature(key, chainKey, record.seq, hash) : null };
  // One statement (and one round trip) appends the record and moves the chain head to it.
  const appended = tx.$with('appended').as(tx.insert(auditLog).values({ ...record, hash, signature }).returning({ seq: auditLog.seq }));
  await tx.with(appended).update(auditChains).set(head).where(eq(auditChains.chainKey, chainKey));
  // The changes subscribers hear about are announced from their audit record, in its transaction.
  const type = entry.announceAs ?? (isEventType(entry.action) ? entry.action : null);
  if (entry.teamId && type) {
    await recordEvent(tx, {
      teamId: entry.teamId,
      type,
      occurredAt: record.occurredAt,
      actor: record.actor,
      correlationId: record.correlationId,
      resource: { type: entry.resourceType, id: entry.resourceId },
      summary: record.summary,
    });
  }
}

import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChains, auditLog } from '@/db/schema';
import { GENESIS_HASH, auditHash } from './hash';

export interface BrokenRecord {
  chainKey: string;
  seq: number;
  id: string | null;
  reason: string;
}

export interface VerifyResult {
  chains: number;
  records: number;
  firstBroken: BrokenRecord | null;
}

const BATCH = 1000;

/**
 * Recomputes every chain from its first record: each hash must match the record's content, each
 * record must point at the hash before it, sequence numbers must have no gap (a removed record),
 * and the chain's head must be its last record (records cut from the end).
 */
export async function verifyAuditChains(db: Database): Promise<VerifyResult> {
  const heads = await db.select().from(auditChains).orderBy(asc(auditChains.chainKey));
  let records = 0;
  for (const head of heads) {
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.chainKey, head.chainKey), gt(auditLog.seq, expectedSeq - 1)))
        .orderBy(asc(auditLog.seq))
        .limit(BATCH);
      for (const row of batch) {
        const broken = (reason: string): VerifyResult => ({
          chains: heads.length,
          records,
          firstBroken: { chainKey: row.chainKey, seq: row.seq, id: row.id, reason },
        });
        if (row.seq !== expectedSeq) return broken(`record ${expectedSeq} is missing`);
        if (row.prevHash !== expectedPrev) return broken('does not point at the hash of the record before it');
        if (auditHash(row) !== row.hash) return broken('its content no longer matches its hash');
        expectedPrev = row.hash;
        expectedSeq++;
        records++;
      }
      if (batch.length < BATCH) break;
    }
    if (expectedSeq - 1 !== head.lastSeq || expectedPrev !== head.lastHash) {
      return {
        chains: heads.length,
        records,
        firstBroken: { chainKey: head.chainKey, seq: expectedSeq, id: null, reason: `records after ${expectedSeq - 1} are missing` },
      };
    }
  }
  return { chains: heads.length, records, firstBroken: null };
}

import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChains, auditLog } from '@/db/schema';
import { GENESIS_HASH, auditHash, headSignature, recordSignature } from './hash';

interface BrokenRecord {
  chainKey: string;
  seq: number;
  id: string | null;
  reason: string;
}

export interface VerifyResult {
  chains: number;
  records: number;
  /** Whether signatures were checked (a signing key was given). */
  signaturesChecked: boolean;
  /** Records written before signing was configured (not signed, none signed before them). */
  unsigned: number;
  firstBroken: BrokenRecord | null;
}

const BATCH = 1000;

/**
 * Recomputes every chain from its first record: each hash must match the record's content, each
 * record must point at the hash before it, sequence numbers must have no gap (a removed record),
 * and the chain's head must be its last record (records cut from the end). With the signing key,
 * every record's signature and the head's must match too: someone with write access to the
 * database can recompute hashes, but not signatures. Once a chain has a signed record, every
 * later record must be signed.
 */
export async function verifyAuditChains(db: Database, options: { signingKey?: string } = {}): Promise<VerifyResult> {
  const key = options.signingKey;
  const heads = await db.select().from(auditChains).orderBy(asc(auditChains.chainKey));
  let records = 0;
  let unsigned = 0;
  const result = (firstBroken: BrokenRecord | null): VerifyResult => ({ chains: heads.length, records, signaturesChecked: !!key, unsigned, firstBroken });

  for (const head of heads) {
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    let signedSeen = false;
    for (;;) {
      const batch = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.chainKey, head.chainKey), gt(auditLog.seq, expectedSeq - 1)))
        .orderBy(asc(auditLog.seq))
        .limit(BATCH);
      for (const row of batch) {
        const broken = (reason: string) => result({ chainKey: row.chainKey, seq: row.seq, id: row.id, reason });
        if (row.seq !== expectedSeq) return broken(`record ${expectedSeq} is missing`);
        if (row.prevHash !== expectedPrev) return broken('does not point at the hash of the record before it');
        if (auditHash(row) !== row.hash) return broken('its content no longer matches its hash');
        if (key && row.signature) {
          if (row.signature !== recordSignature(key, row.hash)) return broken('its signature does not match: it was written or rewritten without the signing key');
          signedSeen = true;
        } else if (key) {
          if (signedSeen) return broken('is not signed, though records before it are');
          unsigned++;
        }
        expectedPrev = row.hash;
        expectedSeq++;
        records++;
      }
      if (batch.length < BATCH) break;
    }
    const cut = { chainKey: head.chainKey, seq: expectedSeq, id: null };
    if (expectedSeq - 1 !== head.lastSeq || expectedPrev !== head.lastHash) {
      return result({ ...cut, reason: `records after ${expectedSeq - 1} are missing` });
    }
    if (key && (head.signature || signedSeen) && head.signature !== headSignature(key, head.chainKey, head.lastSeq, head.lastHash)) {
      return result({ ...cut, reason: "the chain head's signature does not match: records were cut from its end, or the head was rewritten" });
    }
  }
  return result(null);
}

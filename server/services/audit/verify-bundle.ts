import type { BundledAuditRecord } from '../../schemas/evidence-bundle';
import { auditHash, recordSignature } from './hash';

export interface BundleVerdict {
  records: number;
  signaturesChecked: boolean;
  problems: string[];
}

/**
 * Checks an evidence bundle's audit records away from the registry: each hash must match the
 * record's content, records next to each other in a chain must link, and with the signing key each
 * signature must match (hashes can be recomputed by whoever edits the file; signatures cannot).
 */
export function verifyBundleRecords(records: readonly BundledAuditRecord[], signingKey?: string): BundleVerdict {
  const problems: string[] = [];
  records.forEach((record, i) => {
    const where = `record ${record.seq} of chain ${record.chainKey} (${record.action})`;
    if (auditHash({ ...record, occurredAt: new Date(record.occurredAt) }) !== record.hash) problems.push(`${where}: its content no longer matches its hash`);
    const previous = records[i - 1];
    if (previous && previous.chainKey === record.chainKey && previous.seq === record.seq - 1 && record.prevHash !== previous.hash) {
      problems.push(`${where}: does not point at the hash of record ${previous.seq}`);
    }
    if (signingKey && record.signature !== null && record.signature !== recordSignature(signingKey, record.hash)) {
      problems.push(`${where}: its signature does not match`);
    }
  });
  return { records: records.length, signaturesChecked: !!signingKey, problems };
}

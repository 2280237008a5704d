import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the stored JSONB hashes the same as the original. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface HashedFields {
  chainKey: string;
  seq: number;
  occurredAt: Date;
  actor: unknown;
  teamId: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  correlationId: string;
  summary: unknown;
  prevHash: string;
}

/** The hash of a record: over every field it stores, and the hash of the record before it. */
export function auditHash(r: HashedFields): string {
  const fields = {
    chainKey: r.chainKey,
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    actor: r.actor,
    teamId: r.teamId,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    correlationId: r.correlationId,
    summary: r.summary,
    prevHash: r.prevHash,
  } satisfies Record<keyof HashedFields, unknown>;
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** A record's signature: its hash, keyed with AUDIT_SIGNING_KEY. */
export const recordSignature = (key: string, hash: string) => hmac(key, `record:${hash}`);

/** A chain head's signature: where the chain ends, keyed with AUDIT_SIGNING_KEY. */
export const headSignature = (key: string, chainKey: string, lastSeq: number, lastHash: string) =>
  hmac(key, `head:${chainKey}:${lastSeq}:${lastHash}`);

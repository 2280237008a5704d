import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../../config';
import { validationFailed } from '../../errors/app-error';
import { logger } from '../../observability/logger';
import type { Principal } from '../../auth/principal';
import type { RagExportFilters } from '../../schemas/rag-export';

/**
 * A place in the stream of version changes, ordered by (transaction id, change number).
 *
 * Change numbers are taken before commit, so "everything after the last number seen" would miss a
 * change whose transaction committed after a later one was read. Instead a reader notes the
 * oldest transaction still running when it started (the snapshot's xmin): every change of an
 * older transaction was visible to it, so the next read can safely start there. Changes of
 * transactions at or after that point may be sent twice, never lost; documents are upserts.
 */
export interface Position {
  xid: bigint;
  seq: number;
}

const comparePositions = (a: Position, b: Position) => (a.xid === b.xid ? a.seq - b.seq : a.xid < b.xid ? -1 : 1);

/** The start of everything a transaction at or after `xmin` changed. */
export const watermarkPosition = (xmin: bigint): Position => ({ xid: xmin, seq: -1 });

export const laterPosition = (a: Position, b: Position) => (comparePositions(a, b) >= 0 ? a : b);
export const earlierPosition = (a: Position, b: Position) => (comparePositions(a, b) <= 0 ? a : b);
export const laterThan = (a: Position, b: Position) => comparePositions(a, b) > 0;

/** Where an export stands: the position, the teams the caller could read then, its filters. */
export interface ExportCursor {
  position: Position;
  teams: 'all' | string[];
  filters: RagExportFilters;
}

// Team ids as 16 raw bytes each, so a person in many teams still gets a short cursor.
const packTeams = (teams: 'all' | string[]) =>
  teams === 'all' ? 'all' : Buffer.from(teams.map((id) => id.replaceAll('-', '')).join(''), 'hex').toString('base64url');

function unpackTeams(packed: string): 'all' | string[] {
  if (packed === 'all') return 'all';
  const hex = Buffer.from(packed, 'base64url').toString('hex');
  return (hex.match(/.{32}/g) ?? []).map((h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
}

const fingerprint = (filters: RagExportFilters) =>
  JSON.stringify([filters.team ?? null, filters.deploymentTarget ?? null, filters.state ?? null]);

// Without a configured secret, a key of this process: cursors then die with it (a 400 asks for a
// full export), which is safe, only wasteful.
let processKey: Buffer | undefined;
function signingKey(): Buffer | string {
  const configured = config.exportCursorSecret;
  if (configured) return configured;
  if (!processKey) {
    logger.warn('EXPORT_CURSOR_SECRET is not set: export cursors are valid only until this process restarts');
    processKey = randomBytes(32);
  }
  return processKey;
}

/** Whom a cursor is issued to: only they may resume from it. */
export type CursorHolder = Pick<Principal, 'kind' | 'id'>;

// The holder is signed but not written into the cursor: it is known from the credentials.
const sign = (holder: CursorHolder, body: string) =>
  createHmac('sha256', signingKey()).update(`${holder.kind}:${holder.id}|${body}`).digest().subarray(0, 16).toString('base64url');

const filtersTag = (filters: RagExportFilters) => createHash('sha256').update(fingerprint(filters)).digest().subarray(0, 6).toString('base64url');

/**
 * Cursors read `<xid>.<seq>.<teams>.<filters>.<signature>`. Only the holder, teams and filters are
 * signed: a caller choosing another position still reads only its own teams, but claiming teams
 * it never had — or replaying another caller's cursor — would make the export reveal other teams'
 * version ids as deletions. The signed part is the same for every line of an export, so it is
 * computed once.
 */
export function exportCursorEncoder(holder: CursorHolder, teams: 'all' | string[], filters: RagExportFilters) {
  const scope = `${packTeams(teams)}.${filtersTag(filters)}`;
  const signed = `${scope}.${sign(holder, scope)}`;
  return (position: Position) => `${position.xid}.${position.seq}.${signed}`;
}

const CURSOR = /^(\d{1,20})\.(-1|\d{1,19})\.(all|[A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{22})$/;

const MAX_XID8 = 2n ** 64n - 1n;

const invalid = (reason: string) => validationFailed({ since: [reason] });

export function decodeExportCursor(raw: string, holder: CursorHolder, filters: RagExportFilters): ExportCursor {
  const match = CURSOR.exec(raw);
  if (!match) throw invalid('is not a cursor issued by this registry');
  const [, xid, seq, teams, tag, signature] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(sign(holder, `${teams}.${tag}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('is not a cursor this registry issued to these credentials (or the server key changed): export everything again');
  }
  // Only the scope is signed: the position is the caller's to choose, within what Postgres holds.
  if (BigInt(xid) > MAX_XID8 || Number(seq) > Number.MAX_SAFE_INTEGER) throw invalid('points beyond any change this registry can have made');
  if (tag !== filtersTag(filters)) {
    throw invalid('was issued for other filters: pass the same team, deploymentTarget and state, or export everything again');
  }
  return { position: { xid: BigInt(xid), seq: Number(seq) }, teams: unpackTeams(teams), filters };
}

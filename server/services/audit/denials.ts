import { and, asc, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accessDenials } from '@/db/schema';
import { ANONYMOUS_PRINCIPAL, type Principal, type PrincipalRef, principalRef } from '../../auth/principal';
import { logger } from '../../observability/logger';
import { recordAudit } from './record';

export interface Denial {
  action: 'access.denied' | 'auth.sign_in_failed';
  /** Who was refused; null when nobody could be identified. */
  principal: Principal | null;
  clientAddress: string;
  /** The procedure, route or sign-in step refused. */
  operation: string;
  code: string;
  reason: string;
  correlationId: string;
}

const thisMinute = sql`date_trunc('minute', now())`;

/**
 * Counts a refused request (401, 403) or failed sign-in under its minute, address, caller,
 * operation and code; each such group becomes one audit record, carrying the count, when the
 * minute is over (auditDenials). Never fails the answer itself.
 */
export async function recordDenial(db: Database, denial: Denial): Promise<void> {
  const actor = principalRef(denial.principal ?? ANONYMOUS_PRINCIPAL);
  const { principal: _principal, ...fields } = denial;
  try {
    await db
      .insert(accessDenials)
      .values({ ...fields, actor, actorKey: `${actor.kind}:${actor.id}`, windowStart: thisMinute })
      .onConflictDoUpdate({
        target: [accessDenials.windowStart, accessDenials.clientAddress, accessDenials.actorKey, accessDenials.action, accessDenials.operation, accessDenials.code],
        targetWhere: isNull(accessDenials.auditedAt),
        set: { count: sql`${accessDenials.count} + 1` },
      });
  } catch (err) {
    logger.error({ err, correlationId: denial.correlationId }, 'could not record a refused request');
  }
}

const BATCH = 500;
// Audited groups are kept a day for anyone investigating a flood, then pruned.
const KEEP_AUDITED = sql`interval '1 day'`;

const refPrincipal = (ref: PrincipalRef): Principal => ({ ...ref, isAdmin: false, scopes: [], memberships: [] });

/**
 * Appends one platform audit record per group of refusals whose minute is over (before `now`'s
 * minute), with how many there were, and prunes old groups. Several instances may run it at
 * once: each takes rows the others have not locked.
 */
export async function auditDenials(db: Database, now = new Date()): Promise<number> {
  const closed = lt(accessDenials.windowStart, sql`date_trunc('minute', ${now.toISOString()}::timestamptz)`);
  let audited = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(accessDenials)
        .where(and(isNull(accessDenials.auditedAt), closed))
        .orderBy(asc(accessDenials.windowStart), asc(accessDenials.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        await recordAudit(tx, { principal: refPrincipal(row.actor), correlationId: row.correlationId }, {
          teamId: null,
          action: row.action,
          resourceType: row.action === 'auth.sign_in_failed' ? 'session' : 'request',
          resourceId: row.operation,
          summary: {
            code: row.code,
            reason: row.reason,
            count: row.count,
            clientAddress: row.clientAddress,
            window: { from: row.windowStart.toISOString(), to: new Date(row.windowStart.getTime() + 60_000).toISOString() },
          },
        });
      }
      if (rows.length) await tx.update(accessDenials).set({ auditedAt: sql`now()` }).where(inArray(accessDenials.id, rows.map((r) => r.id)));
      await tx.delete(accessDenials).where(lt(accessDenials.auditedAt, sql`now() - ${KEEP_AUDITED}`));
      audited += rows.length;
      return rows.length < BATCH;
    });
    if (done) return audited;
  }
}

const AUDIT_EVERY_MS = 20_000;

/** Audits closed windows of refusals every 20 s in this process (and once at start). */
export function startDenialAuditor(db: Database): void {
  const run = () => void auditDenials(db).catch((err: unknown) => logger.warn({ err }, 'could not audit refused requests yet'));
  run();
  setInterval(run, AUDIT_EVERY_MS).unref();
}

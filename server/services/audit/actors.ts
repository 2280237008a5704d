import { asc, desc, sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { PrincipalRef } from '../../auth/principal';
import type { AuditActors } from '../../schemas/audit';
import { operation } from '../operation';
import { listAudit } from './list';
import { readableAudit } from './scope';

/** Enough for a picker; the filter itself takes any actor id. */
const ACTORS_LIMIT = 500;

/**
 * Who appears as an actor in the records the caller may read (the same rule as listAudit), by
 * name, each under the name of their latest record: the choices of the audit trail's actor
 * filter. One pass over the readable records; it is asked for when the audit page opens.
 */
export const listAuditActors = operation(listAudit.access, async ({ db, actor: { principal } }, _input: undefined): Promise<AuditActors> => {
  const readable = readableAudit(principal);
  const kind = sql<PrincipalRef['kind']>`${auditLog.actor}->>'kind'`;
  const id = sql<string>`${auditLog.actor}->>'id'`;
  const latest = db
    .selectDistinctOn([kind, id], { kind: kind.as('kind'), id: id.as('id'), name: sql<string>`${auditLog.actor}->>'name'`.as('name') })
    .from(auditLog)
    .where(readable)
    .orderBy(kind, id, desc(auditLog.occurredAt))
    .as('latest');
  const rows = await db
    .select()
    .from(latest)
    .orderBy(sql`lower(${latest.name})`, asc(latest.id))
    .limit(ACTORS_LIMIT + 1);
  return { items: rows.slice(0, ACTORS_LIMIT), truncated: rows.length > ACTORS_LIMIT };
});

import { auditLog } from '@/db/schema';
import type { Database } from '@/db/client';
import { type Actor, principalRef } from '../../auth/principal';

export interface AuditEntry {
  teamId: string | null;
  action: string;
  resourceType: 'model' | 'model_version' | 'api_token' | 'team';
  resourceId: string;
  summary?: Record<string, unknown>;
}

/** Appends an audit record; call it inside the transaction of the change it describes. */
export async function recordAudit(tx: Database, actor: Pick<Actor, 'principal' | 'correlationId'>, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actor: principalRef(actor.principal),
    correlationId: actor.correlationId,
    teamId: entry.teamId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    summary: entry.summary ?? {},
  });
}

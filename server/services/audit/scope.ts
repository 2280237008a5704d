import { type SQL, inArray } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Principal } from '../../auth/principal';
import { forbidden } from '../../errors/app-error';

/**
 * The audit records a principal may read, as a condition on audit_log: a platform admin every
 * record (no condition), a maintainer those of the teams they maintain; anyone else is refused.
 */
export function readableAudit(principal: Principal): SQL | undefined {
  if (principal.isAdmin) return undefined;
  const maintained = principal.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamId);
  if (maintained.length === 0) throw forbidden('The audit trail is open to maintainers of a team and to platform admins');
  return inArray(auditLog.teamId, maintained);
}

import type { Database } from '@/db/client';
import { logger } from '../../observability/logger';
import { ANONYMOUS_PRINCIPAL, type Principal } from '../../auth/principal';
import { recordAudit } from './record';

/** Records a refused call (401 or 403) in the platform chain; never fails the answer itself. */
export async function recordDenial(
  db: Database,
  principal: Principal | null,
  denial: { correlationId: string; procedure: string; code: string; reason: string },
) {
  try {
    await db.transaction((tx) =>
      recordAudit(tx, { principal: principal ?? ANONYMOUS_PRINCIPAL, correlationId: denial.correlationId }, {
        teamId: null,
        action: 'access.denied',
        resourceType: 'request',
        resourceId: denial.procedure,
        summary: { code: denial.code, reason: denial.reason },
      }),
    );
  } catch (err) {
    logger.error({ err, correlationId: denial.correlationId }, 'could not record a denied request');
  }
}

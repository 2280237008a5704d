import { listAuditInput, listAuditOutput } from '../../schemas/audit';
import { listAudit } from '../../services/audit/list';
import { router } from '../../trpc/init';
import { guardedProcedure } from '../../trpc/procedures';

const list = guardedProcedure({ scope: 'read', role: 'maintainer' })
  .meta({
    openapi: {
      method: 'GET',
      path: '/audit',
      tags: ['audit'],
      summary: 'Audit records, newest first',
      description: "Maintainers see their teams' records; platform admins see every record.",
    },
  })
  .input(listAuditInput)
  .output(listAuditOutput)
  .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor.principal, input));

export const auditRouter = router({ list });

import { listAuditInput, listAuditOutput } from '../../schemas/audit';
import { listAudit } from '../../services/audit/list';
import { guardedProcedure } from '../../trpc/procedures';

export const list = guardedProcedure(listAudit.access)
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
  .query(({ ctx, input }) => listAudit(ctx.service, input));


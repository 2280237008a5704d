import { z } from 'zod';
import { auditActorsOutput } from '../../schemas/audit';
import { listAuditActors } from '../../services/audit/actors';
import { guardedProcedure } from '../../trpc/procedures';

export const actors = guardedProcedure(listAuditActors.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/audit/actors',
      tags: ['audit'],
      summary: 'Who acted in the audit records you may read, by name',
      description: "Maintainers see the actors of their teams' records; platform admins every actor. Their ids are what the audit list's actor filter takes.",
    },
  })
  .input(z.void())
  .output(auditActorsOutput)
  .query(({ ctx }) => listAuditActors(ctx.service, undefined));

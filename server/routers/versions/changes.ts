import { listChangesInput, listChangesOutput } from '../../schemas/change';
import { listRecentChanges } from '../../services/versions/changes';
import { guardedProcedure } from '../../trpc/procedures';

export const changes = guardedProcedure(listRecentChanges.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/changes',
      tags: ['versions'],
      summary: 'Recently changed versions',
      description: 'Newest first: registrations, metadata updates and deregistrations in the teams the caller reads.',
    },
  })
  .input(listChangesInput)
  .output(listChangesOutput)
  .query(({ ctx, input }) => listRecentChanges(ctx.service, input));

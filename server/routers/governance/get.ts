import { versionGovernanceSchema } from '../../schemas/governance';
import { versionKeySchema } from '../../schemas/version';
import { getGovernance } from '../../services/governance/get';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getGovernance.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}/{version}/governance',
      tags: ['governance'],
      summary: "A version's reviews, history, evaluations, artifacts, aliases and next checklists",
    },
  })
  .input(versionKeySchema)
  .output(versionGovernanceSchema)
  .query(({ ctx, input }) => getGovernance(ctx.service, input));

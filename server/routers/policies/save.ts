import { policySchema, saveDefaultPolicyInput, savePolicyInput } from '../../schemas/policy';
import { saveDefaultPolicy, saveTeamPolicy } from '../../services/policies/save';
import { adminProcedure, guardedProcedure } from '../../trpc/procedures';

export const save = guardedProcedure(saveTeamPolicy.access)
  .meta({
    openapi: {
      method: 'PUT',
      path: '/teams/{team}/policy',
      tags: ['governance'],
      summary: "Save a team's policy as a new revision (maintainers)",
      description: 'The document is type-checked; every revision is kept with who saved it and when.',
    },
  })
  .input(savePolicyInput)
  .output(policySchema)
  .mutation(({ ctx, input }) => saveTeamPolicy(ctx.service, input));

export const saveDefault = adminProcedure(saveDefaultPolicy.access)
  .meta({ openapi: { method: 'PUT', path: '/policy', tags: ['governance'], summary: 'Save the platform default policy (platform admins)' } })
  .input(saveDefaultPolicyInput)
  .output(policySchema)
  .mutation(({ ctx, input }) => saveDefaultPolicy(ctx.service, input));

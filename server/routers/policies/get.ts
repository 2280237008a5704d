import { z } from 'zod';
import { policySchema, teamPolicyInput } from '../../schemas/policy';
import { teamSlugSchema } from '../../schemas/common';
import { getDefaultPolicy, getTeamPolicy, policyHistory } from '../../services/policies/get';
import { guardedProcedure } from '../../trpc/procedures';

export const get = guardedProcedure(getTeamPolicy.access)
  .meta({ openapi: { method: 'GET', path: '/teams/{team}/policy', tags: ['governance'], summary: "The policy in force for a team (its own, or the default it inherits)" } })
  .input(teamPolicyInput)
  .output(policySchema)
  .query(({ ctx, input }) => getTeamPolicy(ctx.service, input));

export const getDefault = guardedProcedure(getDefaultPolicy.access)
  .meta({ openapi: { method: 'GET', path: '/policy', tags: ['governance'], summary: 'The platform default policy' } })
  .input(z.void())
  .output(policySchema)
  .query(({ ctx }) => getDefaultPolicy(ctx.service, undefined));

export const history = guardedProcedure(policyHistory.access)
  .meta({ openapi: { method: 'GET', path: '/policies/history', tags: ['governance'], summary: "Every revision of a team's policy (or, without team, of the default), newest first" } })
  .input(z.strictObject({ team: teamSlugSchema.optional() }))
  .output(z.array(policySchema))
  .query(({ ctx, input }) => policyHistory(ctx.service, input));

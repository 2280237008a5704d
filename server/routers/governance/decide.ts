import { versionGovernanceSchema } from '../../schemas/governance';
import { decisionInput } from '../../schemas/lifecycle';
import { decide as decideOperation } from '../../services/governance/decide';
import { guardedProcedure } from '../../trpc/procedures';

export const decide = guardedProcedure(decideOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/decisions',
      tags: ['governance'],
      summary: 'Approve the open review, or request changes',
      description:
        'By a maintainer, signed in or with a token they created (it decides as them), never the requester; an approval counts once per person. ' +
        "The version moves to approved_staging / approved_prod once the policy's conditions are all met.",
      errorResponses: { 403: "Not a maintainer, an operator's token, or the requester", 409: 'No open review, or already approved by you' },
    },
  })
  .input(decisionInput)
  .output(versionGovernanceSchema)
  .mutation(({ ctx, input }) => decideOperation(ctx.service, input));

import { evaluationSchema, recordEvaluationInput } from '../../schemas/evidence';
import { recordEvaluation as recordOperation } from '../../services/governance/evaluate';
import { guardedProcedure } from '../../trpc/procedures';

export const recordEvaluation = guardedProcedure(recordOperation.access)
  .meta({
    openapi: {
      method: 'POST',
      path: '/models/{modelId}/{version}/evaluations',
      tags: ['governance'],
      summary: "Record an evaluation suite's results; the registry computes whether it passed",
    },
    successStatus: 201,
  })
  .input(recordEvaluationInput)
  .output(evaluationSchema)
  .mutation(({ ctx, input }) => recordOperation(ctx.service, input));

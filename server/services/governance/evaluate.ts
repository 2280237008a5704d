import type { EvaluationMetrics, Thresholds } from '@/db/schema/json-columns';
import { eq } from 'drizzle-orm';
import { evaluations, modelVersions } from '@/db/schema';
import { nextChange } from '../versions/change';
import { principalRef } from '../../auth/principal';
import type { Evaluation, RecordEvaluationInput } from '../../schemas/evidence';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { toEvaluation } from './serialize';
import { lockedVersion } from './locked-version';

/** Every threshold not met, in words; an evaluation passes when there is none. */
export function thresholdFailures(metrics: EvaluationMetrics, thresholds: Thresholds): string[] {
  return Object.entries(thresholds).flatMap(([key, { min, max }]) => {
    const [group, ...rest] = key.split('.');
    const name = rest.join('.');
    const value = metrics[group as keyof EvaluationMetrics]?.[name];
    if (value === undefined) return [`${key} was not measured`];
    if (min !== undefined && value < min) return [`${key} is ${value}, below the minimum ${min}`];
    if (max !== undefined && value > max) return [`${key} is ${value}, above the maximum ${max}`];
    return [];
  });
}

/** Records an evaluation suite's results for a version; the registry decides whether it passed. */
export const recordEvaluation = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: RecordEvaluationInput): Promise<Evaluation> =>
  db.transaction(async (tx) => {
    const { model, version } = await lockedVersion(tx, actor, input, recordEvaluation.access.role);
    const failures = thresholdFailures(input.metrics, input.thresholds);
    const [row] = await tx
      .insert(evaluations)
      .values({
        versionId: version.id,
        suite: input.suite,
        metrics: input.metrics,
        thresholds: input.thresholds,
        passed: failures.length === 0,
        failures,
        datasetRef: input.datasetRef ?? null,
        recordedBy: principalRef(actor.principal),
      })
      .returning();
    // The version's document lists its evaluations: the RAG export sends it again.
    await tx.update(modelVersions).set(nextChange()).where(eq(modelVersions.id, version.id));
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'evaluation.recorded',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: { modelId: model.id, model: model.name, version: version.version, suite: input.suite, passed: row!.passed, failures },
    });
    return toEvaluation(row!);
  }),
);

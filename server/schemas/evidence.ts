import { z } from 'zod';
import type { EvaluationMetrics, Thresholds } from '../../db/schema/json-columns';
import { ARTIFACT_TYPES, METRIC_GROUPS } from '../../db/schema/vocabulary';
import { bodyNumber, oneOf, s3UriSchema, timestampSchema, uuidSchema } from './common';
import { suiteNameSchema } from './policy';
import { principalRefSchema, versionKeySchema } from './version';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const metricGroup = z.record(z.string().min(1).max(128), finite).refine((m) => Object.keys(m).length <= 200, 'at most 200 metrics');

const evaluationMetricsSchema = z
  .strictObject(Object.fromEntries(METRIC_GROUPS.map((g) => [g, metricGroup.optional()])) as Record<(typeof METRIC_GROUPS)[number], z.ZodOptional<typeof metricGroup>>)
  .meta({ id: 'EvaluationMetrics', description: 'Metrics by group', example: { task: { auc: 0.94 }, safety: { toxicity: 0.01 } } }) satisfies z.ZodType<EvaluationMetrics>;

const boundsSchema = z
  .strictObject({ min: finite.optional(), max: finite.optional() })
  .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both')
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min must not exceed max');

const thresholdsSchema = z
  .record(z.string().regex(new RegExp(`^(${METRIC_GROUPS.join('|')})\\.[^.].{0,127}$`), `must be "group.metric", a group being one of ${METRIC_GROUPS.join(', ')}`), boundsSchema)
  .refine((t) => Object.keys(t).length <= 200, 'at most 200 thresholds')
  .meta({ description: 'Bounds by "group.metric"', example: { 'task.auc': { min: 0.9 }, 'safety.toxicity': { max: 0.05 } } }) satisfies z.ZodType<Thresholds>;

export const recordEvaluationInput = z.strictObject({
  ...versionKeySchema.shape,
  suite: suiteNameSchema,
  metrics: evaluationMetricsSchema,
  thresholds: thresholdsSchema.default({}),
  datasetRef: z.string().min(1).max(1024).optional().meta({ description: 'The dataset evaluated on' }),
});
export type RecordEvaluationInput = z.infer<typeof recordEvaluationInput>;

export const evaluationSchema = z
  .object({
    id: uuidSchema,
    suite: z.string(),
    metrics: evaluationMetricsSchema,
    thresholds: thresholdsSchema,
    passed: z.boolean().meta({ description: 'Computed by the registry: every threshold met' }),
    failures: z.array(z.string()).meta({ description: 'Each threshold not met, in words' }),
    datasetRef: z.string().nullable(),
    recordedBy: principalRefSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof evaluationSchema>;

const artifactTypeSchema = z.enum(ARTIFACT_TYPES, oneOf(ARTIFACT_TYPES));

export const addArtifactInput = z.strictObject({
  ...versionKeySchema.shape,
  type: artifactTypeSchema,
  uri: s3UriSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters').optional(),
  sizeBytes: bodyNumber(z.number().int('must be a whole number').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER)).optional(),
  license: z.string().trim().min(1).max(256).optional(),
});
export type AddArtifactInput = z.infer<typeof addArtifactInput>;

export const artifactSchema = z
  .object({
    id: uuidSchema,
    type: artifactTypeSchema,
    uri: z.string(),
    sha256: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    license: z.string().nullable(),
    addedBy: principalRefSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'Artifact' });
export type Artifact = z.infer<typeof artifactSchema>;

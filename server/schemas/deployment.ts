import { z } from 'zod';
import { DEPLOYMENT_STATUSES, REPORTED_DEPLOYMENT_STATUSES } from '../../db/schema/vocabulary';
import { bodyNumber, oneOf, semverSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { environmentSchema } from './lifecycle';
import { principalRefSchema, versionKeySchema } from './version';

const percentSchema = z.number().int('must be a whole percentage').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100');

const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255, 'must be at most 255 characters')
  .meta({ description: 'Also read from the Idempotency-Key header: a retry with the same key answers the first deployment' });
const reasonSchema = z.string().trim().max(2000, 'must be at most 2,000 characters');

export const deployInput = versionKeySchema.extend({
  environment: environmentSchema,
  trafficPercent: bodyNumber(percentSchema)
    .default(100)
    .meta({ description: "The version's share of the environment's traffic; the versions already serving share the rest in their proportions" }),
  reason: reasonSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type DeployInput = z.infer<typeof deployInput>;

export const rollbackInput = z.strictObject({
  modelId: uuidSchema,
  environment: environmentSchema,
  reason: reasonSchema.min(1, 'Required: say why'),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type RollbackInput = z.infer<typeof rollbackInput>;

export const reportDeploymentInput = z
  .strictObject({
    deploymentId: uuidSchema,
    status: z.enum(REPORTED_DEPLOYMENT_STATUSES, oneOf(REPORTED_DEPLOYMENT_STATUSES)),
    progress: bodyNumber(z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100')).optional(),
    message: z.string().max(2000, 'must be at most 2,000 characters').optional(),
    endpoint: z
      .string()
      .min(1)
      .max(2048, 'must be at most 2,048 characters')
      .optional()
      .meta({ description: 'What the deployment produced: the endpoint URL or the function ARN' }),
    error: z.string().min(1).max(4000, 'must be at most 4,000 characters').optional(),
  })
  .superRefine((report, ctx) => {
    if (report.status === 'failed' && !report.error) ctx.addIssue({ code: 'custom', path: ['error'], message: 'Required: say what failed' });
    if (report.status === 'succeeded' && !report.endpoint) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'Required: the endpoint or function ARN deployed' });
  });
export type ReportDeploymentInput = z.infer<typeof reportDeploymentInput>;

export const deploymentKeySchema = z.strictObject({ deploymentId: uuidSchema });

const shareSchema = z.object({ version: semverSchema, percent: z.number().int() }).meta({ id: 'TrafficShare' });

const deploymentEventSchema = z
  .object({
    status: z.enum(DEPLOYMENT_STATUSES),
    progress: z.number().int().nullable(),
    message: z.string().nullable(),
    endpoint: z.string().nullable(),
    error: z.string().nullable(),
    reportedBy: principalRefSchema,
    at: timestampSchema,
  })
  .meta({ id: 'DeploymentEvent' });

export const deploymentSchema = z
  .object({
    id: uuidSchema,
    modelId: uuidSchema,
    model: z.string(),
    team: teamSlugSchema,
    version: semverSchema,
    environment: environmentSchema,
    trafficPercent: z.number().int(),
    allocation: z.array(shareSchema).meta({ description: "The environment's traffic once this deployment succeeds; sums to 100" }),
    status: z.enum(DEPLOYMENT_STATUSES),
    reason: z.string().nullable(),
    requestedBy: principalRefSchema,
    rollbackOf: uuidSchema.nullable(),
    endpoint: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    events: z.array(deploymentEventSchema),
  })
  .meta({ id: 'Deployment' });
export type Deployment = z.infer<typeof deploymentSchema>;

export const deployAcceptedSchema = z
  .object({ deploymentId: uuidSchema, status: z.enum(DEPLOYMENT_STATUSES), deployment: deploymentSchema })
  .meta({ id: 'DeploymentAccepted' });
export type DeployAccepted = z.infer<typeof deployAcceptedSchema>;

export const deploymentHistoryInput = z.strictObject({
  modelId: uuidSchema,
  environment: environmentSchema.optional(),
  at: timestampSchema.optional().meta({ description: 'Also answer what served each environment at this moment' }),
});
export type DeploymentHistoryInput = z.infer<typeof deploymentHistoryInput>;

const periodSchema = z
  .object({
    version: semverSchema,
    percent: z.number().int(),
    from: timestampSchema,
    to: timestampSchema.nullable().meta({ description: 'Null while it still serves' }),
    deploymentId: uuidSchema,
    requestedBy: principalRefSchema,
    reason: z.string().nullable(),
  })
  .meta({ id: 'TrafficPeriod' });
export type TrafficPeriod = z.infer<typeof periodSchema>;

export const deploymentHistorySchema = z
  .object({
    modelId: uuidSchema,
    environments: z.array(
      z.object({
        environment: environmentSchema,
        serving: z.array(periodSchema).meta({ description: 'What serves now; shares sum to 100' }),
        servingAt: z.array(periodSchema).nullable().meta({ description: 'What served at `at`, when asked' }),
        periods: z.array(periodSchema).meta({ description: 'Every period, newest first' }),
      }),
    ),
    deployments: z.array(deploymentSchema).meta({ description: 'The latest 50 deployments, newest first' }),
  })
  .meta({ id: 'DeploymentHistory' });
export type DeploymentHistory = z.infer<typeof deploymentHistorySchema>;

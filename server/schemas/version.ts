import { z } from 'zod';
import {
  descriptionSchema,
  hyperparametersSchema,
  lineageSchema,
  metricsSchema,
  modelNameSchema,
  oneOf,
  s3UriSchema,
  semverSchema,
  tagsSchema,
  teamSlugSchema,
  timestampSchema,
  uuidSchema,
} from './common';
import { deploymentConfigSchema, deploymentTargetSchema } from './deployment-config';
import type { PrincipalRef } from '../../db/schema/json-columns';
import { DEPLOYMENT_STATUSES, FRAMEWORKS, VERSION_STATES } from '../../db/schema/vocabulary';

export const frameworkSchema = z.enum(FRAMEWORKS, oneOf(FRAMEWORKS));
export const versionStateSchema = z.enum(VERSION_STATES, oneOf(VERSION_STATES));
const deploymentStatusSchema = z.enum(DEPLOYMENT_STATUSES);

export const principalRefSchema = z
  .object({ kind: z.enum(['token', 'user', 'system']), id: z.string(), name: z.string() })
  .meta({ id: 'PrincipalRef', description: 'Who did it: a person, an API token, or the system (CLI, seed)' }) satisfies z.ZodType<PrincipalRef>;

export const modelVersionSchema = z
  .object({
    id: uuidSchema,
    modelId: uuidSchema,
    modelName: modelNameSchema,
    team: teamSlugSchema,
    version: semverSchema,
    framework: frameworkSchema,
    artifactUri: s3UriSchema,
    deploymentTarget: deploymentTargetSchema,
    deploymentConfig: deploymentConfigSchema,
    description: z.string().nullable(),
    tags: z.array(z.string()),
    metrics: z.record(z.string(), z.number()),
    hyperparameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    lineage: lineageSchema,
    state: versionStateSchema,
    deploymentStatus: deploymentStatusSchema,
    registeredBy: principalRefSchema,
    createdAt: timestampSchema.meta({ description: 'Registration time' }),
    updatedAt: timestampSchema,
  })
  .meta({ id: 'ModelVersion' });
export type ModelVersion = z.infer<typeof modelVersionSchema>;

// Strict: an unknown field (`?dryRun=true` on a DELETE) is refused rather than ignored.
export const versionKeySchema = z.strictObject({
  modelId: uuidSchema.meta({ description: 'Model id' }),
  version: semverSchema,
});

export const deregisterVersionInput = versionKeySchema.extend({
  reason: z.string().trim().max(500, 'must be at most 500 characters').optional().meta({ description: 'Why, shown on the version\'s tombstone' }),
});

/** What is left of a deregistered version: who registered it, who took it away, when and why. */
export const deregistrationSchema = z
  .object({
    modelId: z.uuid(),
    modelName: z.string(),
    team: z.string(),
    version: z.string(),
    artifactUri: z.string(),
    registeredBy: principalRefSchema,
    registeredAt: timestampSchema,
    deregisteredBy: principalRefSchema.nullable(),
    deregisteredAt: timestampSchema,
    reason: z.string().nullable(),
  })
  .meta({ id: 'Deregistration' });
export type Deregistration = z.infer<typeof deregistrationSchema>;

// Identity fields name the artifact that was trained; changing them would rewrite history.
const immutable = (field: string) =>
  z.never({ error: `${field} is immutable; register a new version instead` }).optional();

export const updateVersionInput = z
  .strictObject({
    modelId: versionKeySchema.shape.modelId,
    version: versionKeySchema.shape.version,
    description: descriptionSchema.nullable().optional(),
    tags: tagsSchema.optional(),
    metrics: metricsSchema.optional(),
    deploymentConfig: z
      .looseObject({})
      .optional()
      .meta({ description: "Replaces the preferences; checked against the version's deployment target" }),
    lineage: lineageSchema.optional().meta({ description: 'Merged into the stored lineage' }),
    name: immutable('name'),
    artifactUri: immutable('artifactUri'),
    framework: immutable('framework'),
    deploymentTarget: immutable('deploymentTarget'),
    team: immutable('team'),
    hyperparameters: immutable('hyperparameters'),
  })
  .refine(
    (u) => ['description', 'tags', 'metrics', 'deploymentConfig', 'lineage'].some((k) => k in u),
    'nothing to update: send at least one of description, tags, metrics, deploymentConfig, lineage',
  );
export type UpdateVersionInput = z.infer<typeof updateVersionInput>;


export const registrationFields = {
  name: modelNameSchema,
  version: semverSchema,
  framework: frameworkSchema,
  artifactUri: s3UriSchema,
  team: teamSlugSchema.optional().meta({ description: 'Required when the caller may write to several teams' }),
  description: descriptionSchema.optional(),
  tags: tagsSchema.optional(),
  metrics: metricsSchema.optional(),
  hyperparameters: hyperparametersSchema.optional(),
  lineage: lineageSchema.optional(),
};

import { z } from 'zod';
import { descriptionSchema, modelNameSchema, oneOf, semverSchema, tagSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { deploymentTargetSchema } from './deployment-config';
import { RISK_TIERS, VISIBILITIES } from '../../db/schema/vocabulary';
import { frameworkSchema, modelVersionSchema, versionStateSchema } from './version';

const latestVersionSchema = modelVersionSchema
  .pick({ id: true, version: true, framework: true, deploymentTarget: true, state: true, deploymentStatus: true, createdAt: true })
  .meta({ id: 'LatestVersion', description: 'The highest live version by SemVer precedence' });

export const modelSchema = z
  .object({
    id: uuidSchema,
    name: modelNameSchema,
    team: teamSlugSchema,
    description: z.string().nullable(),
    tags: z.array(z.string()).meta({ description: 'Union of the tags of its live versions' }),
    owners: z.array(z.string()),
    riskTier: z.enum(RISK_TIERS).nullable(),
    visibility: z.enum(VISIBILITIES).meta({ description: 'team: its team only; internal: everyone signed in and every token; shared: its team and sharedWith' }),
    latestVersion: latestVersionSchema.nullable(),
    deploymentTargets: z.array(deploymentTargetSchema).meta({ description: 'Targets of all its live versions' }),
    versionCount: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Model' });
export type Model = z.infer<typeof modelSchema>;

// Counting every match of a broad query over 100,000 models costs more than the page itself:
// listings count up to this many.
export const COUNT_LIMIT = 1_000;

export const MODEL_SORTS = ['updated', 'name', 'created', 'latestVersion'] as const;

export const listModelsInput = z
  .strictObject({
    limit: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(20),
    offset: z.number().int().min(0, 'must not be negative').max(1_000_000).default(0),
    cursor: z
      .string()
      .max(512)
      .optional()
      .meta({ description: 'Opaque cursor from a previous page (nextCursor); when given, offset is ignored' }),
    sort: z.enum(MODEL_SORTS).default('updated'),
    order: z.enum(['asc', 'desc']).optional().meta({ description: 'Default: desc for dates, asc for name' }),
    deploymentTarget: deploymentTargetSchema.optional(),
    framework: frameworkSchema.optional(),
    team: teamSlugSchema.optional(),
    tag: tagSchema.optional(),
    state: versionStateSchema.optional(),
    version: semverSchema.optional(),
    alias: z
      .string()
      .min(1)
      .max(255, 'must be at most 255 characters')
      .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"')
      .optional()
      .meta({ description: 'Models with this alias set (production, champion, …)' }),
    q: z.string().trim().max(200, 'must be at most 200 characters').optional().meta({
      description: 'Text search over name, description and tags (prefix match per word)',
    }),
  })
  .meta({ description: 'Version-level filters match models with a live version satisfying all of them' });
export type ListModelsInput = z.infer<typeof listModelsInput>;

const catalogModelSchema = modelSchema
  .extend({ inProduction: z.array(semverSchema).meta({ description: 'Its live versions in the production state, newest first' }) })
  .meta({ id: 'CatalogModel' });

export const listModelsOutput = z
  .object({
    items: z.array(catalogModelSchema),
    total: z.number().int().meta({ description: `Models matching, counted up to ${COUNT_LIMIT.toLocaleString('en-US')}` }),
    totalIsExact: z.boolean().meta({ description: `false when more than ${COUNT_LIMIT.toLocaleString('en-US')} match (total is then the limit)` }),
    limit: z.number().int(),
    offset: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ModelPage' });
export type ListModelsOutput = z.infer<typeof listModelsOutput>;

const VERSION_ORDERS = ['chronological', 'semver'] as const;

export const getModelInput = z.strictObject({
  modelId: uuidSchema,
  order: z.enum(VERSION_ORDERS).default('chronological').meta({
    description: 'chronological: oldest registration first; semver: lowest SemVer precedence first',
  }),
});

export const getModelByNameInput = z.strictObject({
  team: teamSlugSchema,
  name: modelNameSchema,
  order: getModelInput.shape.order,
});

export const modelDetailSchema = modelSchema
  .extend({
    sharedWith: z.array(teamSlugSchema).meta({ description: 'Teams a shared model is shared with' }),
    versions: z.array(modelVersionSchema),
  })
  .meta({ id: 'ModelWithVersions' });
export type ModelDetail = z.infer<typeof modelDetailSchema>;

const riskTierSchema = z.enum(RISK_TIERS, oneOf(RISK_TIERS));

/** The facts of a model that maintainers keep: its card, owners and risk tier (policies read the tier). */
export const updateModelInput = z
  .strictObject({
    modelId: uuidSchema,
    description: descriptionSchema
      .nullable()
      .optional()
      .meta({ description: "The model card (Markdown); null hands the description back to the newest version's" }),
    owners: z
      .array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'))
      .max(20, 'at most 20 owners')
      .optional()
      .meta({ description: 'People or groups answerable for the model', example: ['mia@example.com'] }),
    riskTier: riskTierSchema.nullable().optional(),
    visibility: z.enum(VISIBILITIES, oneOf(VISIBILITIES)).optional().meta({ description: 'Who may read it; writes stay with its team' }),
    sharedWith: z
      .array(teamSlugSchema)
      .max(50, 'at most 50 teams')
      .transform((t) => [...new Set(t)])
      .optional()
      .meta({ description: 'The teams a shared model is shared with' }),
  })
  .refine((u) => ['description', 'owners', 'riskTier', 'visibility', 'sharedWith'].some((k) => k in u), 'nothing to update: send at least one of description, owners, riskTier, visibility, sharedWith')
  .refine((u) => !u.sharedWith?.length || u.visibility === undefined || u.visibility === 'shared', {
    path: ['sharedWith'],
    message: 'only a shared model is shared with teams: set visibility to "shared"',
  });
export type UpdateModelInput = z.infer<typeof updateModelInput>;

export const tagUsageSchema = z
  .object({
    items: z.array(z.object({ tag: z.string(), models: z.number().int().meta({ description: 'Models the caller may read that carry it' }) })),
  })
  .meta({ id: 'TagUsage' });
export type TagUsage = z.infer<typeof tagUsageSchema>;

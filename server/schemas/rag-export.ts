import { z } from 'zod';
import { lineageSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { deploymentTargetSchema } from './deployment-config';
import { ENVIRONMENTS, RISK_TIERS } from '../../db/schema/vocabulary';
import { modelVersionSchema, versionStateSchema } from './version';

export const ragExportQuery = z
  .strictObject({
    since: z
      .string()
      .min(1)
      .max(8192)
      .optional()
      .meta({ description: 'A cursor from an earlier export: only what changed after it, with deletions' }),
    team: teamSlugSchema.optional(),
    deploymentTarget: deploymentTargetSchema.optional(),
    state: versionStateSchema.optional(),
  })
  .meta({ id: 'RagExportQuery' });
export type RagExportQuery = z.infer<typeof ragExportQuery>;
export type RagExportFilters = Omit<RagExportQuery, 'since'>;

const cursorField = z.string().meta({ description: 'Pass as ?since= to resume after this line' });

const ragMetadataSchema = z
  .object({
    team: teamSlugSchema,
    model: z.string(),
    version: z.string(),
    framework: modelVersionSchema.shape.framework,
    deploymentTarget: deploymentTargetSchema,
    deploymentConfig: modelVersionSchema.shape.deploymentConfig,
    state: versionStateSchema,
    deploymentStatus: modelVersionSchema.shape.deploymentStatus,
    tags: z.array(z.string()),
    metrics: z.record(z.string(), z.number()),
    lineage: lineageSchema,
    owners: z.array(z.string()),
    riskTier: z.enum(RISK_TIERS).nullable(),
    artifactUri: z.string(),
    registeredBy: z.string().meta({ description: 'Name of the person or token that registered it' }),
    createdAt: timestampSchema,
    aliases: z.array(z.string()).meta({ description: 'Aliases pointing at this version (production, champion, …)' }),
    approvedBy: z
      .object({ staging: z.array(z.string()), production: z.array(z.string()) })
      .meta({ description: 'Who approved it for each environment' }),
    evaluations: z.array(z.object({ suite: z.string(), passed: z.boolean() })).meta({ description: 'The latest result of each evaluation suite' }),
    servingIn: z
      .array(z.object({ environment: z.enum(ENVIRONMENTS), percent: z.number().int(), since: timestampSchema }))
      .meta({ description: 'Where it is deployed now: each environment it serves, with its share of the traffic' }),
  })
  .meta({ id: 'RagMetadata', description: 'The facts of the document as typed fields, for vector-store filters' });

// What names a document in every line about it.
const documentRef = {
  id: z.string().meta({ description: 'Stable document id: "model-version:<versionId>"' }),
  modelId: uuidSchema,
  versionId: uuidSchema,
};

const ragUpsertSchema = z
  .object({
    op: z.literal('upsert'),
    ...documentRef,
    title: z.string(),
    text: z.string().meta({ description: 'The model card of the version, in Markdown' }),
    metadata: ragMetadataSchema,
    url: z.url().meta({ description: "The version's page in the portal" }),
    updatedAt: timestampSchema,
    cursor: cursorField,
  })
  .meta({ id: 'RagUpsert', description: 'Add or replace the document with this id' });

const RAG_DELETE_REASONS = ['deregistered', 'no_longer_visible', 'no_longer_matches'] as const;

const ragDeleteSchema = z
  .object({
    op: z.literal('delete'),
    ...documentRef,
    reason: z.enum(RAG_DELETE_REASONS).meta({
      description:
        'deregistered; no_longer_visible (the caller lost access to its team); no_longer_matches (the filters)',
    }),
    cursor: cursorField,
  })
  .meta({ id: 'RagDelete', description: 'Remove the document with this id (a no-op if it is not indexed)' });

const ragEndSchema = z
  .object({
    op: z.literal('end'),
    cursor: z.string().meta({ description: 'Where the next incremental export starts (?since=)' }),
    documents: z.number().int().meta({ description: 'Lines before this one' }),
  })
  .meta({ id: 'RagEnd', description: 'Last line of a complete export; missing means the stream broke' });

export const ragLineSchema = z
  .discriminatedUnion('op', [ragUpsertSchema, ragDeleteSchema, ragEndSchema])
  .meta({ id: 'RagExportLine', description: 'One line of the NDJSON export' });
export type RagLine = z.infer<typeof ragLineSchema>;
export type RagUpsert = z.infer<typeof ragUpsertSchema>;
export type RagDelete = z.infer<typeof ragDeleteSchema>;

import { z } from 'zod';
import { modelNameSchema, semverSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { versionStateSchema } from './version';

const VERSION_CHANGES = ['registered', 'updated', 'deregistered'] as const;

export const listChangesInput = z.strictObject({
  limit: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(20),
  team: teamSlugSchema.optional(),
});
export type ListChangesInput = z.infer<typeof listChangesInput>;

const versionChangeSchema = z
  .object({
    change: z.enum(VERSION_CHANGES),
    at: timestampSchema,
    modelId: uuidSchema,
    modelName: modelNameSchema,
    team: teamSlugSchema,
    version: semverSchema,
    state: versionStateSchema,
  })
  .meta({ id: 'VersionChange', description: 'The last change of a version' });

export const listChangesOutput = z.object({ items: z.array(versionChangeSchema) }).meta({ id: 'VersionChanges' });
export type ListChangesOutput = z.infer<typeof listChangesOutput>;

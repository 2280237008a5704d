import { z } from 'zod';
import { modelNameSchema, semverSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { principalRefSchema } from './version';

// MLflow's rules: letters, digits, "_" and "-", not "latest" (derived) nor "v<number>" (a version).
export const aliasNameSchema = z
  .string()
  .min(1, 'Required')
  .max(255, 'must be at most 255 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"')
  .refine((a) => a.toLowerCase() !== 'latest', '"latest" is derived (the latest release) and cannot be set')
  .refine((a) => !/^v\d+$/i.test(a), 'must not look like a version number (v1, v2, …)')
  .meta({ description: 'Alias name', example: 'champion' });

const aliasSchema = z
  .object({ alias: z.string(), version: semverSchema, movedBy: principalRefSchema, movedAt: timestampSchema })
  .meta({ id: 'Alias' });

const aliasMoveSchema = z
  .object({
    alias: z.string(),
    from: semverSchema.nullable(),
    to: semverSchema.nullable(),
    movedBy: principalRefSchema,
    comment: z.string().nullable(),
    at: timestampSchema,
  })
  .meta({ id: 'AliasMove' });

export const setAliasInput = z.strictObject({
  modelId: uuidSchema,
  alias: aliasNameSchema,
  version: semverSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type SetAliasInput = z.infer<typeof setAliasInput>;

export const deleteAliasInput = setAliasInput.pick({ modelId: true, alias: true, comment: true });
export type DeleteAliasInput = z.infer<typeof deleteAliasInput>;

export const aliasesInput = z.strictObject({ modelId: uuidSchema });

export const modelAliasesSchema = z.object({ aliases: z.array(aliasSchema), history: z.array(aliasMoveSchema) }).meta({ id: 'ModelAliases' });

export const resolveAliasInput = z.strictObject({ team: teamSlugSchema, name: modelNameSchema, alias: z.string().min(1).max(255) });
export type ResolveAliasInput = z.infer<typeof resolveAliasInput>;

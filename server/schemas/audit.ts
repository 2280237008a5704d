import { z } from 'zod';
import { semverSchema, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { principalRefSchema } from './version';

export const listAuditInput = z
  .strictObject({
    team: teamSlugSchema.optional(),
    modelId: uuidSchema.optional(),
    version: semverSchema.optional().meta({ description: 'With modelId: one version of the model' }),
    actor: z.string().max(200).optional().meta({ description: 'Actor id (a user or token id)' }),
    action: z.string().max(100).optional().meta({ description: 'e.g. version.registered, token.created' }),
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    limit: z.number().int().min(1, 'must be between 1 and 200').max(200, 'must be between 1 and 200').default(50),
    cursor: z.string().max(512).optional(),
  })
  .refine((i) => !i.version || i.modelId, { path: ['version'], message: 'needs modelId' });
export type ListAuditInput = z.infer<typeof listAuditInput>;

export const auditRecordSchema = z
  .object({
    id: uuidSchema,
    occurredAt: timestampSchema,
    actor: principalRefSchema,
    team: teamSlugSchema.nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string(),
    correlationId: z.string(),
    summary: z.record(z.string(), z.unknown()),
    chainKey: z.string(),
    seq: z.number().int(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord' });

export const listAuditOutput = z.object({ items: z.array(auditRecordSchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });
export type ListAuditOutput = z.infer<typeof listAuditOutput>;

export const auditActorsOutput = z
  .object({
    items: z.array(principalRefSchema),
    truncated: z.boolean().meta({ description: 'More actors acted than were listed (500, by name)' }),
  })
  .meta({ id: 'AuditActors' });
export type AuditActors = z.infer<typeof auditActorsOutput>;

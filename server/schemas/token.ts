import { z } from 'zod';
import { bodyNumber, oneOf, teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { TEAM_ROLES, TOKEN_SCOPES } from '../../db/schema/vocabulary';
import { principalRefSchema } from './version';

const tokenScopeSchema = z.enum(TOKEN_SCOPES, oneOf(TOKEN_SCOPES));
const teamRoleSchema = z.enum(TEAM_ROLES, oneOf(TEAM_ROLES));

/** The longest a token may live, whoever makes it (API, portal, command line). */
const MAX_TOKEN_DAYS = 365;
export const tokenLifetimeDaysSchema = z
  .number()
  .int()
  .min(1, `must be between 1 and ${MAX_TOKEN_DAYS}`)
  .max(MAX_TOKEN_DAYS, `must be between 1 and ${MAX_TOKEN_DAYS}`);

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(100, 'must be at most 100 characters'),
  team: teamSlugSchema,
  scopes: z
    .array(tokenScopeSchema)
    .min(1, 'choose at least one scope')
    .transform((s) => [...new Set(s)]),
  role: teamRoleSchema.optional().meta({ description: 'Default: contributor with the write scope, else viewer' }),
  expiresInDays: bodyNumber(tokenLifetimeDaysSchema).default(90),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const apiTokenSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    prefix: z.string().meta({ description: 'The visible start of the token' }),
    team: teamSlugSchema,
    role: teamRoleSchema,
    scopes: z.array(tokenScopeSchema),
    createdBy: principalRefSchema.nullable(),
    createdAt: timestampSchema,
    expiresAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenOutput = z
  .object({ token: z.string().meta({ description: 'The secret; shown this once only' }), record: apiTokenSchema })
  .meta({ id: 'NewApiToken' });

export const listTokensInput = z.strictObject({
  team: teamSlugSchema.optional(),
  includeRevoked: z.boolean().default(false),
});

export const revokeTokenInput = z.strictObject({ tokenId: uuidSchema });
export type ListTokensInput = z.input<typeof listTokensInput>;

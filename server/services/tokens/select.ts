import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, teams } from '@/db/schema';
import type { Principal } from '../../auth/principal';
import type { ApiToken } from '../../schemas/token';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  team: teams.slug,
  role: apiTokens.role,
  scopes: apiTokens.scopes,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Tokens with their team's slug; never the secret's hash. */
export const selectTokens = (db: Database) => db.select(columns).from(apiTokens).innerJoin(teams, eq(teams.id, apiTokens.teamId));
type Row = Awaited<ReturnType<typeof selectTokens>>[number];

export const toApiToken = (t: Row): ApiToken => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Tokens the principal made themselves. */
export const createdBy = (principal: Principal) =>
  and(sql`${apiTokens.createdBy}->>'kind' = ${principal.kind}`, sql`${apiTokens.createdBy}->>'id' = ${principal.id}`);

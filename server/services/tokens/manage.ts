import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, teams } from '@/db/schema';

export async function listTokens(db: Database, teamId?: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      team: teams.slug,
      role: apiTokens.role,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(teamId ? eq(apiTokens.teamId, teamId) : undefined)
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes the live token with this id or visible prefix; null when none matched. */
export async function revokeToken(db: Database, idOrPrefix: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  const match = isUuid ? eq(apiTokens.id, idOrPrefix) : eq(apiTokens.prefix, idOrPrefix);
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(match, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, teamId: apiTokens.teamId });
  return revoked[0] ?? null;
}


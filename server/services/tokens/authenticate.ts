import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, teams } from '@/db/schema';
import { unauthenticated } from '../../errors/app-error';
import type { Principal } from '../../auth/principal';
import { hashToken, visiblePrefix } from './secret';

// Recording every use would add a write to every read; a minute's precision is enough.
const LAST_USED_RESOLUTION = sql`interval '1 minute'`;

/** The principal a bearer token stands for; refuses unknown, revoked and expired tokens. */
export async function authenticateToken(db: Database, token: string, now = new Date()): Promise<Principal> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      teamId: teams.id,
      teamSlug: teams.slug,
    })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(eq(apiTokens.secretHash, hashToken(token)))
    .limit(1);
  if (!row) throw unauthenticated('Invalid API token');
  if (row.revokedAt) throw unauthenticated('This API token has been revoked');
  if (row.expiresAt <= now) throw unauthenticated(`This API token expired at ${row.expiresAt.toISOString()}`);

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(sql`${apiTokens.id} = ${row.id} and (${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${now.toISOString()}::timestamptz - ${LAST_USED_RESOLUTION})`);
  }
  return {
    kind: 'token',
    id: row.id,
    name: `${row.name} (${visiblePrefix(token)}…)`,
    isAdmin: false,
    scopes: row.scopes,
    memberships: [{ teamId: row.teamId, teamSlug: row.teamSlug, role: row.role }],
  };
}

import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, memberships, teams, users } from '@/db/schema';
import { roleAtLeast } from '../../auth/access';
import { unauthenticated } from '../../errors/app-error';
import type { Principal, TeamRole } from '../../auth/principal';
import { cachedPrincipal, rememberPrincipal } from './principal-cache';
import { hashToken, visiblePrefix } from './secret';

// Recording every use would add a write to every read; a minute's precision is enough.
const LAST_USED_RESOLUTION = sql`interval '1 minute'`;

/** A token made by a person holds at most what that person holds on its team today. */
function creatorsRole(row: { creatorUserId: string | null; creatorIsAdmin: boolean | null; creatorRole: TeamRole | null }): TeamRole | null | 'unbounded' {
  if (!row.creatorUserId) return 'unbounded'; // made by an operator on the command line
  if (row.creatorIsAdmin) return 'maintainer';
  return row.creatorRole;
}

/**
 * The principal a bearer token stands for; refuses unknown, revoked and expired tokens, and the
 * tokens of a person who no longer belongs to the token's team. A person's token acts with the
 * lesser of its own role and the role its creator holds now.
 */
export async function authenticateToken(db: Database, token: string, now = new Date()): Promise<Principal> {
  const secretHash = hashToken(token);
  const cached = cachedPrincipal(secretHash, now);
  if (cached) return cached;
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
      creatorUserId: apiTokens.creatorUserId,
      creatorIsAdmin: users.isAdmin,
      creatorName: users.name,
      creatorRole: memberships.role,
    })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .leftJoin(users, eq(users.id, apiTokens.creatorUserId))
    .leftJoin(memberships, and(eq(memberships.userId, apiTokens.creatorUserId), eq(memberships.teamId, apiTokens.teamId)))
    .where(eq(apiTokens.secretHash, secretHash))
    .limit(1);
  if (!row) throw unauthenticated('Invalid API token');
  if (row.revokedAt) throw unauthenticated('This API token has been revoked');
  if (row.expiresAt <= now) throw unauthenticated(`This API token expired at ${row.expiresAt.toISOString()}`);
  const held = creatorsRole(row);
  if (!held) throw unauthenticated(`The person who created this API token no longer belongs to team "${row.teamSlug}"`);
  const role = held === 'unbounded' || roleAtLeast(held, row.role) ? row.role : held;

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(sql`${apiTokens.id} = ${row.id} and (${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${now.toISOString()}::timestamptz - ${LAST_USED_RESOLUTION})`);
  }
  const principal: Principal = {
    kind: 'token',
    id: row.id,
    name: `${row.name} (${visiblePrefix(token)}…)`,
    isAdmin: false,
    scopes: row.scopes,
    memberships: [{ teamId: row.teamId, teamSlug: row.teamSlug, role }],
    ...(row.creatorUserId ? { actsFor: { id: row.creatorUserId, name: row.creatorName ?? 'unknown', isAdmin: row.creatorIsAdmin ?? false } } : {}),
  };
  rememberPrincipal(secretHash, principal, row.expiresAt, now);
  return principal;
}

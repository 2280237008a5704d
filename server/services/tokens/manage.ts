import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, teams } from '@/db/schema';
import { roleAtLeast, roleOn } from '../../auth/access';
import { type Actor, type Principal, principalRef } from '../../auth/principal';
import { forbidden, notFound } from '../../errors/app-error';
import type { ApiToken, CreateTokenInput } from '../../schemas/token';
import { recordAudit } from '../audit/record';
import { findTeamBySlug } from '../teams/find';
import { createToken } from './create';

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
const selectTokens = (db: Database) => db.select(columns).from(apiTokens).innerJoin(teams, eq(teams.id, apiTokens.teamId));
type Row = Awaited<ReturnType<typeof selectTokens>>[number];

const toApiToken = (t: Row): ApiToken => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

const createdBy = (principal: Principal) =>
  and(sql`${apiTokens.createdBy}->>'kind' = ${principal.kind}`, sql`${apiTokens.createdBy}->>'id' = ${principal.id}`);

/** Tokens are made by people only, for a team of theirs, with at most their own role there. */
export async function issueToken(db: Database, actor: Actor, input: CreateTokenInput) {
  const { principal } = actor;
  const team = await findTeamBySlug(db, input.team);
  const ownRole = team && roleOn(principal, team.id);
  if (!team || !ownRole) throw forbidden(`You are not a member of team "${input.team}"`);
  const role = input.role ?? (input.scopes.includes('write') ? 'contributor' : 'viewer');
  if (!roleAtLeast(ownRole, role)) throw forbidden(`A token cannot have more than your own role on "${team.slug}" (${ownRole})`);
  if (input.scopes.includes('write') && role === 'viewer') throw forbidden('The write scope needs at least the contributor role');

  return db.transaction(async (tx) => {
    const made = await createToken(tx, {
      name: input.name,
      teamId: team.id,
      role,
      scopes: input.scopes,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      createdBy: principalRef(principal),
    });
    await recordAudit(tx, actor, {
      teamId: team.id,
      action: 'token.created',
      resourceType: 'api_token',
      resourceId: made.id,
      summary: { prefix: made.prefix, name: input.name, role, scopes: input.scopes, expiresAt: made.expiresAt.toISOString() },
    });
    const [row] = await selectTokens(tx).where(eq(apiTokens.id, made.id));
    return { token: made.token, record: toApiToken(row!) };
  });
}

/** The caller's own tokens, and every token of the teams they maintain (all of them for admins). */
export async function listTokens(db: Database, principal: Principal, options: { team?: string; includeRevoked: boolean }) {
  const maintained = principal.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamId);
  const visible = principal.isAdmin ? undefined : or(createdBy(principal), maintained.length ? inArray(apiTokens.teamId, maintained) : undefined);
  const rows = await selectTokens(db)
    .where(and(visible, options.team ? eq(teams.slug, options.team) : undefined, options.includeRevoked ? undefined : isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** Revokes a token the caller created, or one of a team they maintain. */
export async function revokeTokenFor(db: Database, actor: Actor, tokenId: string) {
  await db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
    const own = token?.createdBy?.kind === actor.principal.kind && token.createdBy.id === actor.principal.id;
    const role = token && roleOn(actor.principal, token.teamId);
    if (!token || (!own && !role)) throw notFound('Token');
    if (!own && role !== 'maintainer') throw forbidden("Only the token's creator or a maintainer of its team can revoke it");
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, { teamId: token.teamId, action: 'token.revoked', resourceType: 'api_token', resourceId: token.id, summary: { prefix: token.prefix } });
  });
}

/** For the CLI: every token, or a team's, without their secrets. */
export async function listAllTokens(db: Database, teamId?: string) {
  return selectTokens(db)
    .where(teamId ? eq(apiTokens.teamId, teamId) : undefined)
    .orderBy(desc(apiTokens.createdAt));
}

/** For the CLI: revokes the live token with this id or visible prefix; null when none matched. */
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

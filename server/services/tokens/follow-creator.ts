import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiTokens, memberships } from '@/db/schema';
import { roleAtLeast } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { recordAudit } from '../audit/record';

/**
 * Makes a person's live tokens follow their memberships as just synced from the identity
 * provider: tokens for a team they left are revoked, tokens above their new role lowered to it,
 * each with an audit record in the team's chain. Teams are visited in id order, so concurrent
 * sign-ins take the teams' chain heads in the same order.
 */
export async function alignTokensWithCreator(tx: Database, person: Principal, correlationId: string) {
  const tokens = await tx
    .select({ id: apiTokens.id, prefix: apiTokens.prefix, teamId: apiTokens.teamId, role: apiTokens.role, held: memberships.role })
    .from(apiTokens)
    .leftJoin(memberships, and(eq(memberships.userId, person.id), eq(memberships.teamId, apiTokens.teamId)))
    .where(and(eq(apiTokens.creatorUserId, person.id), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.teamId), asc(apiTokens.id))
    .for('update', { of: apiTokens });
  const actor = { principal: person, correlationId };
  for (const token of tokens) {
    const held = person.isAdmin ? 'maintainer' : token.held;
    const entry = { teamId: token.teamId, resourceType: 'api_token', resourceId: token.id } as const;
    if (!held) {
      await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, token.id));
      await recordAudit(tx, actor, { ...entry, action: 'token.revoked', summary: { prefix: token.prefix, reason: 'its creator no longer belongs to the team' } });
    } else if (!roleAtLeast(held, token.role)) {
      await tx.update(apiTokens).set({ role: held }).where(eq(apiTokens.id, token.id));
      await recordAudit(tx, actor, { ...entry, action: 'token.role_lowered', summary: { prefix: token.prefix, from: token.role, to: held, reason: "its creator's role was lowered" } });
    }
  }
}

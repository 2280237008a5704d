import { eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import { roleAtLeast, roleOn } from '../../auth/access';
import { principalRef } from '../../auth/principal';
import { forbidden } from '../../errors/app-error';
import type { CreateTokenInput } from '../../schemas/token';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { findTeamBySlug } from '../teams/find';
import { createToken } from './create';
import { selectTokens, toApiToken } from './select';

/**
 * Makes a token for a team of the caller's, with at most their own role there; the secret is in
 * the answer once. (Who may call it at all — people, or operators on the command line — is the
 * door's decision.)
 */
export const issueToken = operation({ scope: 'write', role: 'viewer' }, async ({ db, actor }, input: CreateTokenInput) => {
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
});

import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { apiTokens, teams } from '@/db/schema';
import type { ApiToken, ListTokensInput } from '../../schemas/token';
import { READ, operation } from '../operation';
import { createdBy, selectTokens, toApiToken } from './select';

/** The caller's own tokens, and every token of the teams they maintain (all of them for admins). */
export const listTokens = operation(READ, async ({ db, actor: { principal } }, input: ListTokensInput): Promise<ApiToken[]> => {
  const maintained = principal.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamId);
  const visible = principal.isAdmin ? undefined : or(createdBy(principal), maintained.length ? inArray(apiTokens.teamId, maintained) : undefined);
  const rows = await selectTokens(db)
    .where(and(visible, input.team ? eq(teams.slug, input.team) : undefined, input.includeRevoked ? undefined : isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
});

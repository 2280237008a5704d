import { type SQL, and, arrayOverlaps, eq, inArray, or } from 'drizzle-orm';
import { models } from '@/db/schema';
import type { Principal } from '../../auth/principal';

/**
 * The models the principal may read, as a condition on `models` (undefined: every model): its
 * teams' models, internal ones, and those shared with one of its teams — canReadModel in SQL.
 */
export function readableModels(principal: Principal): SQL | undefined {
  if (principal.isAdmin) return undefined;
  const teamIds = principal.memberships.map((m) => m.teamId);
  if (teamIds.length === 0) return eq(models.visibility, 'internal');
  return or(inArray(models.teamId, teamIds), eq(models.visibility, 'internal'), and(eq(models.visibility, 'shared'), arrayOverlaps(models.sharedWith, teamIds)));
}

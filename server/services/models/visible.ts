import { type SQL, and, arrayOverlaps, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { models } from '@/db/schema';
import type { Principal } from '../../auth/principal';

/** Other teams' models the principal may read: internal ones, and those shared with one of its teams. */
function elsewhere(principal: Principal): SQL {
  const teamIds = principal.memberships.map((m) => m.teamId);
  return teamIds.length ? or(eq(models.visibility, 'internal'), and(eq(models.visibility, 'shared'), arrayOverlaps(models.sharedWith, teamIds)))! : eq(models.visibility, 'internal');
}

/**
 * The models the principal may read, as a condition on `models` (undefined: every model) —
 * canReadModel in SQL. While no other team's model is visible to it (one probe of the partial
 * index on visibility), the condition is its teams alone: the catalog's pages then stay
 * index-only scans of (team, order), as measured in BENCHMARKS.md; the wider condition makes
 * Postgres read each candidate row.
 */
export async function readableModels(db: Database, principal: Principal): Promise<SQL | undefined> {
  if (principal.isAdmin) return undefined;
  const teamIds = principal.memberships.map((m) => m.teamId);
  const own = teamIds.length ? inArray(models.teamId, teamIds) : undefined;
  const [visible] = await db.select({ id: models.id }).from(models).where(and(ne(models.visibility, 'team'), elsewhere(principal))).limit(1);
  if (!visible) return own ?? sql`false`;
  return own ? or(own, elsewhere(principal)) : elsewhere(principal);
}

import { type SQL, and, arrayOverlaps, eq, inArray, ne, not, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { models } from '@/db/schema';
import type { Principal } from '../../auth/principal';

/** Other teams' models the principal may read: internal ones, and those shared with one of its teams. */
export function readableElsewhere(principal: Principal): SQL {
  const teamIds = principal.memberships.map((m) => m.teamId);
  return teamIds.length ? or(eq(models.visibility, 'internal'), and(eq(models.visibility, 'shared'), arrayOverlaps(models.sharedWith, teamIds)))! : eq(models.visibility, 'internal');
}

/**
 * The models the principal may read, as disjoint conditions on `models` whose union is
 * canReadModel in SQL: none for a platform admin (every model), its own teams' models, and — when
 * one probe of the partial index on visibility finds any — other teams' models it may read. Kept
 * apart so that each can be read from its own ordered index: one OR across them makes Postgres
 * read every candidate row (BENCHMARKS.md, "Visibility").
 */
export async function readableScopes(db: Database, principal: Principal): Promise<SQL[]> {
  if (principal.isAdmin) return [];
  const teamIds = principal.memberships.map((m) => m.teamId);
  const own = teamIds.length ? inArray(models.teamId, teamIds) : undefined;
  const [visible] = await db.select({ id: models.id }).from(models).where(and(ne(models.visibility, 'team'), readableElsewhere(principal))).limit(1);
  const others = visible ? and(ne(models.visibility, 'team'), readableElsewhere(principal), own ? not(own) : undefined)! : undefined;
  const scopes = [own, others].filter((scope): scope is SQL => scope !== undefined);
  return scopes.length ? scopes : [sql`false`];
}

/** The same as one condition, for queries that read few rows (the changes feed). */
export const readableModels = async (db: Database, principal: Principal): Promise<SQL | undefined> => {
  const scopes = await readableScopes(db, principal);
  return scopes.length ? or(...scopes) : undefined;
};

import { desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { policies } from '@/db/schema';
import type { PolicyDocument } from '@/db/schema/json-columns';
import { BUILT_IN_POLICY } from '../../schemas/policy';

/** The policy in force for a team: its latest revision, else the platform default's, else the built-in rules. */
export async function policyInForce(db: Database, teamId: string): Promise<{ document: PolicyDocument; teamId: string | null; revision: number }> {
  const own = await latestRevision(db, teamId);
  if (own) return own;
  return (await latestRevision(db, null)) ?? { document: BUILT_IN_POLICY, teamId: null, revision: 0 };
}

/** The latest revision a team (or, with null, the platform) saved. */
export async function latestRevision(db: Database, teamId: string | null) {
  const [row] = await db
    .select()
    .from(policies)
    .where(teamId ? eq(policies.teamId, teamId) : isNull(policies.teamId))
    .orderBy(desc(policies.revision))
    .limit(1);
  return row;
}

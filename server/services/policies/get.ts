import { desc, eq, isNull } from 'drizzle-orm';
import { policies } from '@/db/schema';
import { assertTeamAccess } from '../../auth/access';
import { notFound } from '../../errors/app-error';
import type { Policy } from '../../schemas/policy';
import { latestRevision } from '../governance/policy-source';
import { READ, operation } from '../operation';
import { findTeamBySlug } from '../teams/find';
import { BUILT_IN, toPolicy } from './serialize';

/** The platform default: its latest revision, or the built-in rules. */
export const getDefaultPolicy = operation(READ, async ({ db }, _input?: undefined): Promise<Policy> => {
  const row = await latestRevision(db, null);
  return row ? toPolicy(row, null) : BUILT_IN;
});

/** The policy in force for a team: its own latest revision, else the default it inherits. */
export const getTeamPolicy = operation(READ, async (ctx, { team }: { team: string }): Promise<Policy> => {
  const found = await findTeamBySlug(ctx.db, team);
  if (!found) throw notFound('Team');
  assertTeamAccess(ctx.actor.principal, found.id, 'viewer', 'Team');
  const own = await latestRevision(ctx.db, found.id);
  return own ? toPolicy(own, team) : { ...(await getDefaultPolicy(ctx, undefined)), inherited: true };
});

/** Every revision a team (or, with no team, the platform) saved, newest first. */
export const policyHistory = operation(READ, async ({ db, actor }, { team }: { team?: string }): Promise<Policy[]> => {
  let teamId: string | null = null;
  if (team) {
    const found = await findTeamBySlug(db, team);
    if (!found) throw notFound('Team');
    assertTeamAccess(actor.principal, found.id, 'viewer', 'Team');
    teamId = found.id;
  }
  const rows = await db
    .select()
    .from(policies)
    .where(teamId ? eq(policies.teamId, teamId) : isNull(policies.teamId))
    .orderBy(desc(policies.revision));
  return rows.map((row) => toPolicy(row, team ?? null));
});

import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { policies } from '@/db/schema';
import type { PolicyDocument } from '@/db/schema/json-columns';
import { assertTeamAccess } from '../../auth/access';
import { type Actor, principalRef } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../errors/app-error';
import type { Policy, SavePolicyInput } from '../../schemas/policy';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import { operation } from '../operation';
import { findTeamBySlug } from '../teams/find';
import { toPolicy } from './serialize';

/** Appends a revision (the next number for the team, or the platform); earlier ones stay. */
async function appendRevision(db: Database, actor: Actor, teamId: string | null, team: string | null, document: PolicyDocument, comment: string | undefined) {
  return db.transaction(async (tx) => {
    const next = sql<number>`coalesce((select max(${policies.revision}) from ${policies} where ${teamId ? sql`${policies.teamId} = ${teamId}` : sql`${policies.teamId} is null`}), 0) + 1`;
    const [row] = await tx
      .insert(policies)
      .values({ teamId, revision: next, document, comment: comment ?? null, createdBy: principalRef(actor.principal) })
      .returning()
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'policies_team_revision_unique') ? conflict('Someone saved this policy at the same moment: reload it and try again') : error;
      });
    await recordAudit(tx, actor, {
      teamId,
      action: 'policy.saved',
      resourceType: 'policy',
      resourceId: row!.id,
      summary: { team, revision: row!.revision, document, comment: comment ?? null },
    });
    return toPolicy(row!, team);
  });
}

/** Saves a team's rules as a new revision; maintainers of the team. */
export const saveTeamPolicy = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, input: SavePolicyInput): Promise<Policy> => {
  const found = await findTeamBySlug(db, input.team);
  if (!found) throw notFound('Team');
  assertTeamAccess(actor.principal, found.id, saveTeamPolicy.access.role, 'Team');
  return appendRevision(db, actor, found.id, input.team, input.document, input.comment);
});

/** Saves the platform default, which every team without rules of its own follows; platform admins. */
export const saveDefaultPolicy = operation({ scope: 'write', role: 'maintainer' }, async ({ db, actor }, input: Omit<SavePolicyInput, 'team'>): Promise<Policy> => {
  if (!actor.principal.isAdmin) throw forbidden('Only platform admins may change the default policy');
  return appendRevision(db, actor, null, null, input.document, input.comment);
});

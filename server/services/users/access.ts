import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, teams, users } from '@/db/schema';
import type { ClaimedAccess } from '../../auth/claims';

export interface Identity {
  subject: string;
  name: string;
  email: string | null;
}

/**
 * Makes the stored person match what the identity provider says now: creates or updates them,
 * creates teams named by their groups, and replaces their memberships, so a person removed from a
 * group loses that team.
 */
export async function applyIdentity(tx: Database, identity: Identity, access: ClaimedAccess) {
  const [user] = await tx
    .insert(users)
    .values({ ...identity, isAdmin: access.isAdmin, lastSignInAt: new Date() })
    .onConflictDoUpdate({
      target: users.subject,
      set: { name: identity.name, email: identity.email, isAdmin: access.isAdmin, lastSignInAt: sql`now()` },
    })
    .returning();
  const slugs = access.memberships.map((m) => m.teamSlug);
  if (slugs.length) {
    await tx.insert(teams).values(slugs.map((slug) => ({ slug, name: slug }))).onConflictDoNothing();
  }
  const teamRows = slugs.length ? await tx.select().from(teams).where(inArray(teams.slug, slugs)) : [];
  const teamIds = teamRows.map((t) => t.id);
  await tx
    .delete(memberships)
    .where(and(eq(memberships.userId, user!.id), teamIds.length ? notInArray(memberships.teamId, teamIds) : undefined));
  for (const { teamSlug, role } of access.memberships) {
    const teamId = teamRows.find((t) => t.slug === teamSlug)!.id;
    await tx
      .insert(memberships)
      .values({ userId: user!.id, teamId, role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.teamId], set: { role } });
  }
  return user!;
}

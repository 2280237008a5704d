import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, teams, users } from '@/db/schema';
import { TOKEN_SCOPES } from '../../../db/schema/vocabulary';

// A person may do through the portal whatever their role allows; scopes only narrow tokens. Only
// a pipeline reports what it deployed: a person asks for deployments, never reports them.
const PERSON_SCOPES = TOKEN_SCOPES.filter((scope) => scope !== 'deploy');
import type { Principal } from '../../auth/principal';

/** The principal of a signed-in person: their teams and roles as last synced from the provider. */
export async function principalForUser(db: Database, userId: string): Promise<Principal | null> {
  const rows = await db
    .select({ user: users, teamId: memberships.teamId, teamSlug: teams.slug, role: memberships.role })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(users.id, userId));
  const user = rows[0]?.user;
  if (!user) return null;
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    scopes: PERSON_SCOPES,
    memberships: rows.flatMap((r) => (r.teamId && r.teamSlug && r.role ? [{ teamId: r.teamId, teamSlug: r.teamSlug, role: r.role }] : [])),
  };
}

import { asc, eq } from 'drizzle-orm';
import { memberships, teams, users } from '@/db/schema';
import { forbidden } from '../../errors/app-error';
import { READ, operation } from '../operation';

/** Every team with its members and their roles, for platform admins. */
export const teamDirectory = operation(READ, async ({ db, actor }, _input: undefined) => {
  if (!actor.principal.isAdmin) throw forbidden('Only platform admins may do this');
  const rows = await db
    .select({ team: teams, userName: users.name, userId: users.id, role: memberships.role })
    .from(teams)
    .leftJoin(memberships, eq(memberships.teamId, teams.id))
    .leftJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(teams.slug), asc(users.name));
  const bySlug = new Map<string, { slug: string; name: string; members: { id: string; name: string; role: string }[] }>();
  for (const r of rows) {
    const entry = bySlug.get(r.team.slug) ?? { slug: r.team.slug, name: r.team.name, members: [] };
    if (r.userId && r.userName && r.role) entry.members.push({ id: r.userId, name: r.userName, role: r.role });
    bySlug.set(r.team.slug, entry);
  }
  return [...bySlug.values()];
});

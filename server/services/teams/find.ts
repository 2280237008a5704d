import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { teams } from '@/db/schema';

export async function findTeamBySlug(db: Database, slug: string) {
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug)).limit(1);
  return team ?? null;
}

/** The team with this slug, created when missing; says which happened. */
export async function ensureTeam(db: Database, slug: string, name = slug) {
  const [created] = await db.insert(teams).values({ slug, name }).onConflictDoNothing().returning();
  if (created) return { team: created, created: true };
  const existing = await findTeamBySlug(db, slug);
  if (!existing) throw new Error(`team ${slug} vanished while it was being created`);
  return { team: existing, created: false };
}

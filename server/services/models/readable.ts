import { eq, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { models, teams } from '@/db/schema';
import { canReadModel } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import { modelColumns } from './serialize';

/** A model the principal may read (locked with `lock`); other teams' models do not exist. */
export async function readableModel(db: Database, principal: Principal, match: SQL, lock = false) {
  const query = db.select({ model: modelColumns, teamSlug: teams.slug }).from(models).innerJoin(teams, eq(teams.id, models.teamId)).where(match);
  const [found] = lock ? await query.for('update', { of: models }) : await query;
  if (!found || !canReadModel(principal, found.model)) throw notFound('Model');
  return found;
}

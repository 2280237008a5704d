import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record';
import { endSessionsOfUser } from './lifecycle';

/** An admin ends every session of a person (a lost laptop, a departure): they must sign in again. */
export async function endSessionsForPerson(db: Database, actor: Pick<Actor, 'principal' | 'correlationId'>, userId: string) {
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
    if (!person) throw notFound('Person');
    const ended = await endSessionsOfUser(tx, person.id, 'ended_by_admin');
    await recordAudit(tx, actor, {
      teamId: null,
      action: 'auth.sessions_ended',
      resourceType: 'session',
      resourceId: person.id,
      summary: { person: person.name, sessions: ended },
    });
    return { ended };
  });
}

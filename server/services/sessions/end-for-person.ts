import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { forbidden, notFound } from '../../errors/app-error';
import { operation } from '../operation';
import { recordAudit } from '../audit/record';
import { endSessionsOfUser } from './lifecycle';

/** An admin ends every session of a person (a lost laptop, a departure): they must sign in again. */
export const endSessionsForPerson = operation({ scope: 'write', role: 'viewer' }, async ({ db, actor }, { userId }: { userId: string }) => {
  if (!actor.principal.isAdmin) throw forbidden('Only platform admins may end the sessions of a person');
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
});

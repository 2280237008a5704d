'use server';

import { personAction } from '@/server/http/action-result';

export async function endSessionsAction(userId: string) {
  return personAction('users.endSessions', (caller) => caller.users.endSessions({ userId }));
}

'use server';

import { revalidatePath } from 'next/cache';
import { actionResult } from '@/server/http/action-result';
import { callerForPerson } from '@/server/trpc/server-caller';

export async function registerModelAction(input: unknown) {
  const caller = await callerForPerson();
  const result = await actionResult(() => caller.models.register(input as never));
  if (result.ok) revalidatePath('/models', 'layout');
  return result;
}

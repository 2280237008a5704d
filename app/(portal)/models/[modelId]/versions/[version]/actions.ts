'use server';

import { revalidatePath } from 'next/cache';
import { actionResult } from '@/server/http/action-result';
import { callerForPerson } from '@/server/trpc/server-caller';

export async function updateVersionAction(input: unknown) {
  const caller = await callerForPerson();
  const result = await actionResult(() => caller.versions.update(input as never));
  if (result.ok) revalidatePath(`/models/${result.data.modelId}`, 'layout');
  return result;
}

export async function deregisterVersionAction(modelId: string, version: string) {
  const caller = await callerForPerson();
  const result = await actionResult(() => caller.versions.deregister({ modelId, version }));
  if (result.ok) revalidatePath('/models', 'layout');
  return result;
}

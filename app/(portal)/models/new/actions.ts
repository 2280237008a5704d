'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';

export async function registerModelAction(input: unknown) {
  const result = await personAction('models.register', (caller) => caller.models.register(input as never));
  if (result.ok) revalidatePath('/models', 'layout');
  return result;
}

'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';
import { modelPath } from '@/server/portal-paths';

export async function updateModelAction(input: { modelId: string } & Record<string, unknown>) {
  const result = await personAction('models.update', (caller) => caller.models.update(input as never));
  if (result.ok) revalidatePath(modelPath(input.modelId), 'layout');
  return result;
}

'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';
import { modelPath } from '@/server/portal-paths';

export async function updateVersionAction(input: unknown) {
  const result = await personAction('versions.update', (caller) => caller.versions.update(input as never));
  if (result.ok) revalidatePath(modelPath(result.data.modelId), 'layout');
  return result;
}

export async function deregisterVersionAction(input: { modelId: string; version: string; reason?: string }) {
  const result = await personAction('versions.deregister', (caller) => caller.versions.deregister(input));
  if (result.ok) revalidatePath('/models', 'layout');
  return result;
}

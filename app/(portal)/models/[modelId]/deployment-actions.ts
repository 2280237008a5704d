'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';
import { modelPath } from '@/server/portal-paths';

// The portal's deploy and rollback controls, bound by the pages to their model (and version);
// the procedures check the input, the role and the policy as for an API call.

export async function deployAction(key: { modelId: string; version: string }, fields: { environment: string; trafficPercent: number; reason?: string }) {
  const result = await personAction('deployments.deploy', (caller) => caller.deployments.deploy({ ...key, ...fields } as never));
  if (result.ok) revalidatePath(modelPath(key.modelId), 'layout');
  return result;
}

export async function rollbackAction(key: { modelId: string; environment: string }, reason: string) {
  const result = await personAction('deployments.rollback', (caller) => caller.deployments.rollback({ ...key, reason } as never));
  if (result.ok) revalidatePath(modelPath(key.modelId), 'layout');
  return result;
}

'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';

// The policy editor's two calls, as the signed-in person; the procedures' schemas check the input.

export async function savePolicyAction(input: { team: string; document: unknown; comment?: string }) {
  const result = await personAction('policies.save', (caller) => caller.policies.save(input as never));
  if (result.ok) revalidatePath(`/governance/policy/${input.team}`);
  return result;
}

export async function dryRunPolicyAction(input: { modelId: string; version: string; to: string; document: unknown }) {
  return personAction('governance.checkPolicy', (caller) => caller.governance.checkPolicy(input as never));
}

'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';
import { modelPath } from '@/server/portal-paths';

// The portal's lifecycle buttons: each is bound by the page to its version and move, and called
// with the comment typed; the procedures' own schemas check the input, so a forged call is
// refused like an API call.
type Key = { modelId: string; version: string };

const refresh = <T extends { ok: boolean }>(modelId: string, result: T) => {
  if (result.ok) revalidatePath(modelPath(modelId), 'layout');
  return result;
};

export async function openReviewAction(input: Key & { environment: string }, comment?: string) {
  return refresh(input.modelId, await personAction('governance.openReview', (caller) => caller.governance.openReview({ ...input, comment } as never)));
}

export async function decideAction(input: Key & { decision: string }, comment?: string) {
  return refresh(input.modelId, await personAction('governance.decide', (caller) => caller.governance.decide({ ...input, comment } as never)));
}

export async function withdrawReviewAction(input: Key, comment?: string) {
  return refresh(input.modelId, await personAction('governance.withdrawReview', (caller) => caller.governance.withdrawReview({ ...input, comment })));
}

export async function transitionAction(input: Key & { to: string }, comment?: string) {
  return refresh(input.modelId, await personAction('governance.transition', (caller) => caller.governance.transition({ ...input, comment } as never)));
}

export async function setAliasAction(input: Key, alias: string) {
  return refresh(input.modelId, await personAction('aliases.set', (caller) => caller.aliases.set({ ...input, alias })));
}

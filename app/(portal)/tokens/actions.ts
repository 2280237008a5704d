'use server';

import { revalidatePath } from 'next/cache';
import { personAction } from '@/server/http/action-result';

export async function createTokenAction(input: unknown) {
  const result = await personAction('tokens.create', (caller) => caller.tokens.create(input as never));
  if (result.ok) revalidatePath('/tokens');
  return result;
}

export async function revokeTokenAction(tokenId: string) {
  const result = await personAction('tokens.revoke', (caller) => caller.tokens.revoke({ tokenId }));
  revalidatePath('/tokens');
  return result;
}

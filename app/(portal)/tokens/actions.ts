'use server';

import { revalidatePath } from 'next/cache';
import { actionResult } from '@/server/http/action-result';
import { callerForPerson } from '@/server/trpc/server-caller';

export async function createTokenAction(input: unknown) {
  const caller = await callerForPerson();
  const result = await actionResult(() => caller.tokens.create(input as never));
  if (result.ok) revalidatePath('/tokens');
  return result;
}

export async function revokeTokenAction(tokenId: string) {
  const caller = await callerForPerson();
  const result = await actionResult(() => caller.tokens.revoke({ tokenId }));
  revalidatePath('/tokens');
  return result;
}

import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/server/db';
import type { Principal } from '../auth/principal';
import { REQUEST_PATH_HEADER, signInPathFor } from './request-path';
import { sessionPrincipal } from './session';

/** The signed-in person of this request, once per render. */
export const currentPerson = cache(async (): Promise<Principal | null> => sessionPrincipal(await getDb(), await cookies()));

/** The signed-in person, or a redirect to sign-in — which returns to this page — for everyone else. */
export async function requirePerson(): Promise<Principal> {
  const person = await currentPerson();
  if (!person) redirect(signInPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  return person;
}

import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { oidcSettings } from './oidc-config';
import type { Principal } from './principal';
import { principalForUser } from './user-principal';

interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/**
 * The signed-in person behind a request's session cookie. Sessions end a fixed time after
 * sign-in (SESSION_MAX_AGE_SECONDS), however active they were: then the person signs in again.
 */
export async function sessionPrincipal(db: Database, cookies: CookieJar): Promise<Principal | null> {
  const settings = oidcSettings();
  if (!settings) return null;
  const secureCookie = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  // No headers on purpose: next-auth would otherwise read a Bearer API token as a session.
  const token = await getToken({ req: { cookies, headers: {} } as never, secureCookie, secret: process.env.NEXTAUTH_SECRET });
  const signedInAt = typeof token?.signedInAt === 'number' ? token.signedInAt : 0;
  if (!token?.sub || signedInAt + settings.sessionMaxAge < Date.now() / 1000) return null;
  return principalForUser(db, token.sub);
}

import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { isSessionLive } from '../services/sessions/lifecycle';
import { oidcSettings } from './oidc-config';
import type { Principal } from './principal';
import { principalForUser } from './user-principal';

interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/**
 * The signed-in person behind a request's session cookie, while the session it names is live on
 * the server: not signed out or ended by an admin, younger than SESSION_MAX_AGE_SECONDS however
 * active, and used within SESSION_IDLE_TIMEOUT_SECONDS. Then the person signs in again.
 */
export async function sessionPrincipal(db: Database, cookies: CookieJar): Promise<Principal | null> {
  const settings = oidcSettings();
  if (!settings) return null;
  const secureCookie = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  // No headers on purpose: next-auth would otherwise read a Bearer API token as a session.
  const token = await getToken({ req: { cookies, headers: {} } as never, secureCookie, secret: process.env.NEXTAUTH_SECRET });
  if (!token?.sub || typeof token.sid !== 'string') return null;
  const limits = { maxAge: settings.sessionMaxAge, idleTimeout: settings.sessionIdleTimeout };
  if (!(await isSessionLive(db, token.sid, token.sub, limits))) return null;
  return principalForUser(db, token.sub);
}

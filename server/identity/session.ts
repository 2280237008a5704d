import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { isSessionLive } from '../services/sessions/lifecycle';
import { config } from '../config';
import type { Principal } from '../auth/principal';
import { principalForUser } from '../services/users/principal';

interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/**
 * The signed-in person behind a request's session cookie, while the session it names is live on
 * the server: not signed out or ended by an admin, younger than SESSION_MAX_AGE_SECONDS however
 * active, and used within SESSION_IDLE_TIMEOUT_SECONDS. Then the person signs in again.
 */
export async function sessionPrincipal(db: Database, cookies: CookieJar): Promise<Principal | null> {
  if (!config.oidc) return null;
  const { secureCookie, secret } = config.sessions;
  // No headers on purpose: next-auth would otherwise read a Bearer API token as a session.
  const token = await getToken({ req: { cookies, headers: {} } as never, secureCookie, secret });
  if (!token?.sub || typeof token.sid !== 'string') return null;
  if (!(await isSessionLive(db, token.sid, token.sub, config.sessions))) return null;
  return principalForUser(db, token.sub);
}

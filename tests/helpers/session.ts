import { encode } from 'next-auth/jwt';
import { inject } from 'vitest';
import { accessFromGroups } from '../../server/auth/claims';
import { loadConfig } from '../../server/config';
import type { Database } from '../../db/client';
import { recordSignIn } from '../../server/services/users/sign-in';

/**
 * Signs a person in as the provider's callback would (their groups become teams and roles) and
 * returns the session cookie next-auth would set (naming the session it started), sealed with
 * the app's secret.
 */
export async function signInAs(db: Database, subject: string, groups: string[], secret = inject('signInEnv').NEXTAUTH_SECRET!): Promise<string> {
  const identity = { subject, name: subject, email: `${subject}@example.com` };
  const user = await recordSignIn(db, identity, accessFromGroups(groups, loadConfig({}).groupRules), crypto.randomUUID());
  const jwt = await encode({
    token: { sub: user.id, name: user.name, sid: user.sessionId },
    secret,
  });
  return `next-auth.session-token=${jwt}`;
}

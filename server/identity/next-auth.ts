import type { NextAuthOptions } from 'next-auth';
import { headers } from 'next/headers';
import { getConnection } from '@/server/db';
import { type OidcSettings, config } from '../config';
import { clientAddress } from './client-address';
import { CORRELATION_HEADER } from '../observability/correlation';
import { logger } from '../observability/logger';
import { recordDenial } from '../services/audit/denials';
import { recordSignIn, recordSignOut } from '../services/users/sign-in';
import { accessFromGroups, groupsFromClaim } from '../auth/claims';

declare module 'next-auth' {
  interface Session {
    userId?: string;
  }
}

const correlationId = async () => (await headers()).get(CORRELATION_HEADER) ?? 'sign-in';

/** A failed sign-in, counted like any refused request (one audit record per address and minute). */
async function recordSignInFailure(code: string) {
  const request = await headers();
  await recordDenial((await getConnection()).db, {
    action: 'auth.sign_in_failed',
    principal: null,
    clientAddress: clientAddress(request, config.trustProxyHops),
    operation: 'auth.callback',
    code,
    reason: `next-auth: ${code}`,
    correlationId: request.get(CORRELATION_HEADER) ?? 'sign-in',
  });
}

// next-auth's error codes that mean a person tried to sign in and could not.
const SIGN_IN_FAILURES = new Set(['OAUTH_CALLBACK_ERROR', 'OAUTH_CALLBACK_HANDLER_ERROR', 'SIGNIN_OAUTH_ERROR', 'CALLBACK_OAUTH_ERROR', 'OAUTH_PARSE_PROFILE_ERROR', 'JWT_SESSION_ERROR']);

interface OidcProfile {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  [claim: string]: unknown;
}

/** next-auth with the configured OpenID Connect provider; null when sign-in is not configured. */
export function authOptions(settings: OidcSettings | null = config.oidc): NextAuthOptions | null {
  if (!settings) return null;
  return {
    secret: config.sessions.secret,
    session: { strategy: 'jwt', maxAge: config.sessions.maxAge },
    jwt: { maxAge: config.sessions.maxAge },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      {
        id: 'oidc',
        name: settings.providerName,
        type: 'oauth',
        wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        idToken: true,
        checks: ['pkce', 'state'],
        authorization: { params: { scope: settings.scopes } },
        profile: (profile: OidcProfile) => ({
          id: profile.sub,
          name: profile.name ?? profile.preferred_username ?? profile.sub,
          email: profile.email ?? null,
          groups: groupsFromClaim(profile[settings.groupsClaim]),
        }),
      },
    ],
    events: {
      // Sign-out ends the session on the server, so a copy of the cookie is worthless after it.
      async signOut({ token }) {
        if (typeof token?.sid !== 'string' || !token.sub) return;
        await recordSignOut((await getConnection()).db, { userId: token.sub, name: String(token.name ?? token.sub), sessionId: token.sid }, await correlationId());
      },
    },
    callbacks: {
      // On sign-in (`user` present) the person's teams are synced from their groups; the token
      // then carries only their id and their session's.
      async jwt({ token, user }) {
        if (!user) return token;
        const { db } = await getConnection();
        const groups = (user as { groups?: string[] }).groups ?? [];
        const stored = await recordSignIn(
          db,
          { subject: user.id, name: user.name ?? user.id, email: user.email ?? null },
          accessFromGroups(groups, config.groupRules),
          await correlationId(),
        );
        return { sub: stored.id, name: stored.name, sid: stored.sessionId };
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
    logger: {
      error(code, metadata) {
        logger.warn({ code, error: metadata instanceof Error ? metadata.message : undefined }, 'sign-in error');
        if (!SIGN_IN_FAILURES.has(code)) return;
        void recordSignInFailure(code).catch((err: unknown) => logger.error({ err }, 'could not record a failed sign-in'));
      },
      warn(code) {
        logger.warn({ code }, 'next-auth warning');
      },
      debug() {},
    },
  };
}

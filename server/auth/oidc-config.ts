import { z } from 'zod';
import type { GroupRules } from './claims';

// Everything about sign-in comes from the environment; see README "Single sign-on".
const oidcEnv = z.object({
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PROVIDER_NAME: z.string().default('Single sign-on'),
  OIDC_SCOPES: z.string().default('openid profile email groups'),
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  OIDC_GROUP_PATTERN: z.string().default('^mlreg-(?<team>[a-z0-9][a-z0-9-]*)-(?<role>viewer|contributor|maintainer)$'),
  OIDC_ADMIN_GROUP: z.string().default('mlreg-admins'),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(8 * 3600),
  SESSION_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(30 * 60),
  // Set by `npm run dev` and the tests when they run the local provider: the sign-in page then
  // lists its demo people.
  OIDC_LOCAL_DEMO: z.enum(['true', 'false']).default('false'),
});

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  providerName: string;
  scopes: string;
  groupsClaim: string;
  groupRules: GroupRules;
  sessionMaxAge: number;
  sessionIdleTimeout: number;
  localDemo: boolean;
}

/** How group names map to teams and roles; defaults apply even with no provider configured. */
export function groupRules(env: Record<string, string | undefined> = process.env): GroupRules {
  const e = oidcEnv.parse(env);
  return { pattern: new RegExp(e.OIDC_GROUP_PATTERN), adminGroup: e.OIDC_ADMIN_GROUP };
}

/** The sign-in settings, or null when no identity provider is configured. */
export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const e = oidcEnv.parse(env);
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/$/, ''),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    providerName: e.OIDC_PROVIDER_NAME,
    scopes: e.OIDC_SCOPES,
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    groupRules: groupRules(env),
    sessionMaxAge: e.SESSION_MAX_AGE_SECONDS,
    sessionIdleTimeout: e.SESSION_IDLE_TIMEOUT_SECONDS,
    localDemo: e.OIDC_LOCAL_DEMO === 'true',
  };
}

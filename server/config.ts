import { z } from 'zod';
import { type DatabaseConfig, databaseConfig } from '@/db/config';
import type { GroupRules } from './auth/claims';

// Every setting of the app, from the environment, validated once when the process starts: a bad
// variable stops it with a message naming each one (README "Configuration" lists them all).
// Nothing else reads process.env; tests build their own with loadConfig(env).

const optional = z.string().optional().transform((v) => v || undefined);
const seconds = (fallback: number) => z.coerce.number().int().min(1).max(30 * 86_400).default(fallback);
const perMinute = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = z.enum(['true', 'false']);

const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: flag.optional(),
  // How many proxies in front of the app append to X-Forwarded-For; see README "Client addresses".
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Signs audit records and chain heads; keep it out of the database (see README "Audit trail").
  AUDIT_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  METRICS_TOKEN: optional,
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: z.url().optional(),
  EXPORT_CURSOR_SECRET: optional,
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_PROVIDER_NAME: z.string().default('Single sign-on'),
  OIDC_SCOPES: z.string().default('openid profile email groups'),
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  OIDC_GROUP_PATTERN: z
    .string()
    .default('^mlreg-(?<team>[a-z0-9][a-z0-9-]*)-(?<role>viewer|contributor|maintainer)$')
    .refine((p) => {
      try {
        return new RegExp(p).source.includes('(?<team>') && p.includes('(?<role>');
      } catch {
        return false;
      }
    }, 'must be a regular expression with named groups "team" and "role"'),
  OIDC_ADMIN_GROUP: z.string().default('mlreg-admins'),
  // Set by `npm run dev` and the tests when they run the local provider: the sign-in page then
  // lists its demo people.
  OIDC_LOCAL_DEMO: flag.default('false'),
  SESSION_MAX_AGE_SECONDS: seconds(8 * 3600),
  SESSION_IDLE_TIMEOUT_SECONDS: seconds(30 * 60),
  RATE_LIMIT_TOKEN_PER_MINUTE: perMinute(600),
  RATE_LIMIT_USER_PER_MINUTE: perMinute(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: perMinute(60),
  // Who may read a newly registered model: its team, or everyone in the company (README "Visibility").
  DEFAULT_MODEL_VISIBILITY: z.enum(['team', 'internal']).default('team'),
  // The job engine (graphile-worker) runs inside the server unless a separate `npm run worker` does.
  WORKER_IN_PROCESS: flag.default('true'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Hosts a webhook may reach over plain http and at a private address: local receivers in tests.
  WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  // Seconds before each retry of a failed delivery (Standard Webhooks' schedule, about 27 hours).
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default('5,300,1800,7200,18000,36000,36000')
    .refine((v) => v.split(',').every((s) => Number.isFinite(Number(s)) && Number(s) >= 0), 'must be comma-separated seconds'),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
  // How long the previous secret still signs after a rotation.
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
});

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  providerName: string;
  scopes: string;
  groupsClaim: string;
  localDemo: boolean;
}

export type Config = ReturnType<typeof fromEnvironment>;

function fromEnvironment(e: z.output<typeof environment>, database: DatabaseConfig) {
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const oidc: OidcSettings | null =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER.replace(/\/$/, ''),
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          providerName: e.OIDC_PROVIDER_NAME,
          scopes: e.OIDC_SCOPES,
          groupsClaim: e.OIDC_GROUPS_CLAIM,
          localDemo: e.OIDC_LOCAL_DEMO === 'true',
        }
      : null;
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    publicUrl,
    /** With PUBLIC_URL set, production answers only requests for its host (DNS rebinding). */
    canonicalHost: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).host : null,
    logLevel: e.LOG_LEVEL,
    database,
    /** Demo data in an empty database at start: by default only for the embedded one. */
    seedDemoData: e.SEED_DEMO_DATA ? e.SEED_DEMO_DATA === 'true' : database.driver === 'pglite',
    trustProxyHops: e.TRUST_PROXY_HOPS,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    defaultModelVisibility: e.DEFAULT_MODEL_VISIBILITY,
    metricsToken: e.METRICS_TOKEN,
    /** Signs export cursors; without either secret, a key of the process (cursors die with it). */
    exportCursorSecret: e.EXPORT_CURSOR_SECRET ?? e.NEXTAUTH_SECRET,
    sessions: {
      secret: e.NEXTAUTH_SECRET,
      // next-auth names its cookie __Secure-… over https.
      secureCookie: e.NEXTAUTH_URL?.startsWith('https://') ?? false,
      maxAge: e.SESSION_MAX_AGE_SECONDS,
      idleTimeout: e.SESSION_IDLE_TIMEOUT_SECONDS,
    },
    oidc,
    groupRules: { pattern: new RegExp(e.OIDC_GROUP_PATTERN), adminGroup: e.OIDC_ADMIN_GROUP } satisfies GroupRules,
    worker: { inProcess: e.WORKER_IN_PROCESS === 'true', concurrency: e.WORKER_CONCURRENCY },
    webhooks: {
      allowHosts: e.WEBHOOK_ALLOW_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      retrySchedule: e.WEBHOOK_RETRY_SCHEDULE.split(',').map(Number),
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
      secretOverlapMs: e.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    },
    rateLimits: { token: e.RATE_LIMIT_TOKEN_PER_MINUTE, user: e.RATE_LIMIT_USER_PER_MINUTE, anonymous: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The configuration an environment gives, or a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const parsed = environment.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  let database: DatabaseConfig | undefined;
  try {
    database = databaseConfig(env);
  } catch (error) {
    problems.push(...(error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [String(error)]));
  }
  if (problems.length || !parsed.success || !database) throw new ConfigError(problems);
  return fromEnvironment(parsed.data, database);
}

/** This process's configuration. */
export const config: Config = loadConfig(process.env);

/** A page of the portal as an absolute link, for exports and assistants. */
export const portalUrl = (path: string) => `${config.publicUrl}${path}`;

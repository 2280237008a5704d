import { z } from 'zod';

// Settings of the app itself; the database's own live in db/config.ts.
const appEnv = z.object({
  PORT: z.coerce.number().int().default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  // How many proxies in front of the app append to X-Forwarded-For; see README "Client addresses".
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Signs audit records and chain heads; keep it out of the database (see README "Audit trail").
  AUDIT_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
});

const parsed = appEnv.parse(process.env);

export const env = {
  ...parsed,
  PUBLIC_URL: parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`,
};

/** A page of the portal as an absolute link, for exports and assistants. */
export const portalUrl = (path: string) => `${env.PUBLIC_URL.replace(/\/$/, '')}${path}`;

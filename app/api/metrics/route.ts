import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { config } from '@/server/config';
import { getDb } from '@/server/db';
import { sessionPrincipal } from '@/server/identity/session';
import { apiRoute } from '@/server/http/api-route';
import { unauthenticated } from '@/server/errors/app-error';
import { metrics } from '@/server/observability/metrics';

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Scrapers send METRICS_TOKEN as a bearer token; platform admins may look in their browser. */
async function mayRead(req: Request): Promise<boolean> {
  const expected = config.metricsToken;
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (expected && given) return sameSecret(given, expected);
  return (await sessionPrincipal(await getDb(), await cookies()))?.isAdmin ?? false;
}

export const GET = apiRoute('metrics', async ({ req }) => {
  if (!(await mayRead(req))) throw unauthenticated('Send "Authorization: Bearer <METRICS_TOKEN>" or sign in as a platform admin');
  return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
});

import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { teams, webhooks } from '@/db/schema';
import { assertTeamAccess } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';

/** Webhooks are a team's maintainers' business: others get 404 (other teams) or 403 (their own). */
export const WEBHOOK_ROLE = 'maintainer' as const;

/** The live webhook and its team's slug, once the principal may manage it; `lock` holds its row. */
export async function findWebhook(db: Database, principal: Principal, webhookId: string, lock = false) {
  const query = db
    .select({ webhook: webhooks, team: teams.slug })
    .from(webhooks)
    .innerJoin(teams, eq(teams.id, webhooks.teamId))
    .where(and(eq(webhooks.id, webhookId), isNull(webhooks.deletedAt)));
  const [found] = lock ? await query.for('update', { of: webhooks }) : await query;
  if (!found) throw notFound('Webhook');
  assertTeamAccess(principal, found.webhook.teamId, WEBHOOK_ROLE, 'Webhook');
  return found;
}

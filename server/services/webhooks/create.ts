import { writableTeamSlug } from '../../auth/access';
import { principalRef } from '../../auth/principal';
import { config } from '../../config';
import { notFound, validationFailed } from '../../errors/app-error';
import type { CreateWebhookInput } from '../../schemas/webhook';
import { webhooks } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { findTeamBySlug } from '../teams/find';
import { destinationProblem } from './destination';
import { WEBHOOK_ROLE } from './find';
import { toWebhook } from './serialize';
import { newSecret } from './sign';

/** Refuses a URL the deliveries may not reach (scheme, credentials, literal private addresses). */
export function assertDestination(url: string): void {
  const problem = destinationProblem(url, config.webhooks);
  if (problem) throw validationFailed({ url: [problem] });
}

/** Subscribes an endpoint of the team; the answer carries its secret, this once. */
export const createWebhook = operation({ scope: 'write', role: WEBHOOK_ROLE }, async ({ db, actor }, input: CreateWebhookInput) => {
  const slug = writableTeamSlug(actor.principal, WEBHOOK_ROLE, input.team, { what: 'manage webhooks', verb: 'add a webhook' });
  assertDestination(input.url);
  const team = await findTeamBySlug(db, slug);
  if (!team) throw notFound('Team');
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ teamId: team.id, url: input.url, eventTypes: input.eventTypes, description: input.description ?? null, secret, createdBy: principalRef(actor.principal) })
      .returning();
    await recordAudit(tx, actor, {
      teamId: team.id,
      action: 'webhook.created',
      resourceType: 'webhook',
      resourceId: row!.id,
      summary: { url: input.url, eventTypes: input.eventTypes },
    });
    return { webhook: toWebhook(row!, slug), secret };
  });
});

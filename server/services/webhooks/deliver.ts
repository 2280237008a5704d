import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { events, webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { config } from '../../config';
import { enqueue } from '../../jobs/enqueue';
import { metrics } from '../../observability/metrics';
import { type SendOutcome, send } from './send';
import { signedHeaders } from './sign';

// Retries spread by up to this fraction either way, so endpoints that failed together are not
// all retried in the same second.
const JITTER = 0.2;
// However long an endpoint asks to wait, the schedule goes on after this.
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

type Verdict = { status: 'succeeded' | 'failed'; disable?: string } | { status: 'pending'; retryAt: Date };

/** What an attempt's outcome means: done, given up, or another try at a time. */
export function verdictOf(outcome: SendOutcome, attempt: number, schedule: readonly number[], random = Math.random): Verdict {
  const code = outcome.statusCode ?? 0;
  if (!outcome.error && code >= 200 && code < 300) return { status: 'succeeded' };
  if (code === 410) return { status: 'failed', disable: 'the endpoint answered 410 Gone' };
  const base = schedule[attempt - 1];
  if (base === undefined) return { status: 'failed' };
  const jittered = base * (1 + (random() * 2 - 1) * JITTER);
  const seconds = Math.max(jittered, Math.min(outcome.retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
  return { status: 'pending', retryAt: new Date(Date.now() + seconds * 1000) };
}

const secretsOf = (webhook: typeof webhooks.$inferSelect) =>
  webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > new Date() ? [webhook.secret, webhook.previousSecret] : [webhook.secret];

/**
 * Makes attempt `attempt` of a delivery and records it; schedules the next one in the same
 * transaction. A job that is stale (another worker already recorded this attempt) does nothing.
 */
export async function deliverWebhook(db: Database, deliveryId: string, attempt: number): Promise<void> {
  const [found] = await db
    .select({ delivery: webhookDeliveries, webhook: webhooks, event: events })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (found?.delivery.status !== 'pending' || found.delivery.attempts !== attempt - 1) return;
  const { webhook, event } = found;
  const startedAt = new Date();
  let outcome: SendOutcome;
  let verdict: Verdict;
  if (webhook.enabled) {
    const body = JSON.stringify(event.payload);
    outcome = await send(webhook.url, body, signedHeaders(secretsOf(webhook), `evt_${event.id}`, startedAt, body), config.webhooks);
    verdict = verdictOf(outcome, attempt, config.webhooks.retrySchedule);
    metrics.webhookDeliveries.inc({ outcome: verdict.status === 'pending' ? 'retrying' : verdict.status });
  } else {
    // Disabled since it was queued (a 410, paused, deleted): recorded as not sent.
    outcome = { statusCode: null, durationMs: 0, responseExcerpt: null, error: `not sent: the endpoint is disabled (${webhook.disabledReason ?? 'paused'})`, retryAfterSeconds: null };
    verdict = { status: 'failed' };
  }
  await db.transaction(async (tx) => {
    const moved = await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        status: verdict.status,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        nextAttemptAt: verdict.status === 'pending' ? verdict.retryAt : null,
        completedAt: verdict.status === 'pending' ? null : new Date(),
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.attempts, attempt - 1)))
      .returning({ id: webhookDeliveries.id });
    if (!moved.length) return; // another worker recorded this attempt first
    const { retryAfterSeconds: _, ...recorded } = outcome;
    await tx.insert(webhookAttempts).values({ deliveryId, attempt, startedAt, ...recorded });
    if (verdict.status === 'pending') await enqueue(tx, 'deliver_webhook', { deliveryId, attempt: attempt + 1 }, { runAt: verdict.retryAt });
    if ('disable' in verdict && verdict.disable) {
      await tx.update(webhooks).set({ enabled: false, disabledReason: verdict.disable, updatedAt: new Date() }).where(eq(webhooks.id, webhook.id));
    }
  });
}

import { type AnyColumn, and, eq, isNull, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { events, webhookDeliveries, webhooks } from '@/db/schema';
import { enqueue } from '../../jobs/enqueue';

/**
 * Fans an event out to the team's endpoints that take its type: one delivery each, made once
 * however often this runs (a dispatcher that dies after committing is run again by the engine).
 */
export async function dispatchEvent(db: Database, eventId: string): Promise<number> {
  // Most events have no endpoint to reach: one statement marks such an event dispatched.
  const [settled] = await db
    .update(events)
    .set({ dispatchedAt: new Date() })
    .where(and(eq(events.id, eventId), isNull(events.dispatchedAt), notExists(db.select({ one: sql`1` }).from(webhooks).where(subscribes(events)))))
    .returning({ id: events.id });
  if (settled) return 0;
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    if (!event || event.dispatchedAt) return 0;
    const subscribers = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(subscribes(event));
    const made = subscribers.length
      ? await tx
          .insert(webhookDeliveries)
          .values(subscribers.map((w) => ({ webhookId: w.id, eventId, trigger: 'event' })))
          .onConflictDoNothing()
          .returning({ id: webhookDeliveries.id })
      : [];
    for (const delivery of made) await enqueue(tx, 'deliver_webhook', { deliveryId: delivery.id, attempt: 1 });
    await tx.update(events).set({ dispatchedAt: new Date() }).where(eq(events.id, eventId));
    return made.length;
  });
}

/** The team's enabled endpoints that take the event's type (all types when they name none). */
function subscribes(event: { teamId: AnyColumn | string; type: AnyColumn | string }): SQL {
  return and(
    eq(webhooks.teamId, event.teamId),
    eq(webhooks.enabled, true),
    isNull(webhooks.deletedAt),
    or(sql`cardinality(${webhooks.eventTypes}) = 0`, sql`${event.type} = any(${webhooks.eventTypes})`),
  )!;
}

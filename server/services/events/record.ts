import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { events } from '@/db/schema';
import { EVENT_TYPES } from '@/db/schema/vocabulary';
import type { PrincipalRef } from '../../auth/principal';
import { addJob } from '../../jobs/enqueue';

export type EventType = (typeof EVENT_TYPES)[number];
export const isEventType = (action: string): action is EventType => (EVENT_TYPES as readonly string[]).includes(action);

export interface EventFacts {
  teamId: string;
  type: EventType;
  occurredAt: Date;
  actor: PrincipalRef;
  correlationId: string;
  resource: { type: string; id: string };
  summary: Record<string, unknown>;
}

/**
 * Writes the event to the outbox and queues its dispatch, in the caller's transaction: nothing
 * is announced that did not commit, and nothing committed goes unannounced.
 */
export async function recordEvent(tx: Database, facts: EventFacts): Promise<string> {
  const payload = {
    type: facts.type,
    timestamp: facts.occurredAt.toISOString(),
    data: { teamId: facts.teamId, resource: facts.resource, actor: facts.actor, correlationId: facts.correlationId, ...facts.summary },
  };
  // One statement writes the event and queues its dispatch.
  const inserted = tx.$with('inserted').as(
    tx
      .insert(events)
      .values({ teamId: facts.teamId, type: facts.type, payload, correlationId: facts.correlationId, occurredAt: facts.occurredAt })
      .returning({ id: events.id }),
  );
  const [event] = await tx
    .with(inserted)
    .select({ id: inserted.id, job: addJob('dispatch_event', sql`json_build_object('eventId', ${inserted.id})`) })
    .from(inserted);
  return event!.id;
}

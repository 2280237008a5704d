import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { PrincipalRef } from './json-columns';

// Refused requests and failed sign-ins, counted per minute, address, caller, operation and code
// before they reach the append-only audit trail as one record each: a flood adds a counter here,
// not a row there. Rows are audited once their minute is over, then pruned.
export const accessDenials = pgTable(
  'access_denials',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    clientAddress: text('client_address').notNull(),
    actor: jsonb('actor').$type<PrincipalRef>().notNull(),
    // `${kind}:${id}` of the actor, for the uniqueness below.
    actorKey: text('actor_key').notNull(),
    action: text('action').notNull(),
    operation: text('operation').notNull(),
    code: text('code').notNull(),
    // The first refusal's reason and correlation id; later ones of the window only count.
    reason: text('reason').notNull(),
    correlationId: text('correlation_id').notNull(),
    count: integer('count').notNull().default(1),
    auditedAt: timestamp('audited_at', { withTimezone: true }),
  },
  (t) => [
    // Among groups not yet audited (also the auditor's index): a refusal arriving after its group
    // was audited starts a new one.
    uniqueIndex('access_denials_window_unique')
      .on(t.windowStart, t.clientAddress, t.actorKey, t.action, t.operation, t.code)
      .where(sql`${t.auditedAt} is null`),
  ],
);

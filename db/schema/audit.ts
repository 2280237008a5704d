import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { PrincipalRef } from './json-columns';
import { teams } from './teams';

// Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Records form one hash chain per
// team (and one for platform events), so that writers of different teams never wait for each
// other, while any change to a stored record breaks its chain.
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    chainKey: text('chain_key').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actor: jsonb('actor').$type<PrincipalRef>().notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    correlationId: text('correlation_id').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // HMAC of the hash with AUDIT_SIGNING_KEY, a key the database never holds: whoever can write
    // to the database can recompute hashes, but not signatures. Null when no key was configured.
    signature: text('signature'),
  },
  (t) => [
    unique('audit_log_chain_seq_unique').on(t.chainKey, t.seq),
    index('audit_log_team_time_idx').on(t.teamId, t.occurredAt.desc().nullsFirst()),
    index('audit_log_time_idx').on(t.occurredAt.desc().nullsFirst()),
    index('audit_log_resource_idx').on(t.resourceType, t.resourceId, t.occurredAt.desc().nullsFirst()),
  ],
);

/** The head of each chain: its last sequence number and hash. Locked briefly by each append. */
export const auditChains = pgTable('audit_chains', {
  chainKey: text('chain_key').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  // HMAC of (chain, last sequence number, last hash): cutting records from the end and moving
  // the head back shows.
  signature: text('signature'),
});

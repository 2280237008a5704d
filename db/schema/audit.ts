import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { principalRefSchema } from '../../server/schemas/version';
import { teams } from './teams';

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actor: jsonb('actor').$type<z.infer<typeof principalRefSchema>>().notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    correlationId: text('correlation_id').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_team_time_idx').on(t.teamId, t.occurredAt.desc().nullsFirst()),
    index('audit_log_resource_idx').on(t.resourceType, t.resourceId, t.occurredAt.desc().nullsFirst()),
  ],
);

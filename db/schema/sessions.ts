import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { users } from './teams';

// A signed-in person's session. The cookie (a next-auth JWT) carries only this row's id: the
// session is live while the row says so, so signing out, idling or an admin ends it on the
// server and a copied cookie is worthless after that.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    // signed_out, idle, expired, ended_by_admin
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_live_idx').on(t.userId).where(sql`${t.endedAt} is null`)],
);

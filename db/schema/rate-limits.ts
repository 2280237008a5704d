import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Request counts per caller and window, shared by every instance of the app (rate-limiter-flexible).
// Unlogged (migration 0021): counts need no WAL, and a crash losing a minute's counts is harmless.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

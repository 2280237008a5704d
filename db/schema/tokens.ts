import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import type { PrincipalRef } from './json-columns';
import { teamRoleEnum, tokenScopeEnum } from './enums';
import { teams, users } from './teams';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    name: text('name').notNull(),
    // The visible start of the token, for lists and logs; the secret itself is never stored.
    prefix: text('prefix').notNull().unique(),
    secretHash: text('secret_hash').notNull().unique(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    role: teamRoleEnum('role').notNull(),
    scopes: tokenScopeEnum('scopes').array().notNull(),
    createdBy: jsonb('created_by').$type<PrincipalRef>(),
    // The person who made the token, if a person did: the token never holds more than they do
    // (checked at every use, and their tokens follow their memberships at each sign-in).
    creatorUserId: uuid('creator_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_tokens_team_idx').on(t.teamId).where(sql`${t.revokedAt} is null`),
    index('api_tokens_creator_idx').on(t.creatorUserId).where(sql`${t.revokedAt} is null`),
  ],
);

import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * A timestamp column as a cursor carries it: ISO 8601 in UTC with Postgres's full (microsecond)
 * precision, so the next page starts exactly after the last row, whatever the session time zone.
 */
export const isoTimestamp = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

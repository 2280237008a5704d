import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1)`: the values as one array parameter. Drizzle's inArray makes a parameter of
 * each value, and building a statement with a thousand of them (a batch of the export) cost the
 * server more than Postgres spent running it; Postgres also plans one array faster than a long list.
 */
export const anyOf = (column: Column, values: readonly unknown[]): SQL => sql`${column} = any(${sql.param(values)})`;

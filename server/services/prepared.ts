import type { Database } from '@/db/client';

// Statements the hottest reads send on every request, built once per database handle: building a
// query with Drizzle cost the server more CPU than Postgres spent running these (BENCHMARKS.md,
// "Cost per request"). Named, so Postgres also parses and plans each once per connection. Only
// for fixed statements whose values are placeholders; transactions (another handle) build their own.
const built = new WeakMap<Database, Map<string, unknown>>();

export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  let statements = built.get(db);
  if (!statements) {
    statements = new Map();
    built.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}

import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this file: it diffs db/schema against the committed migrations.
// Migrations are applied by db/migrate.ts for every driver, never by `drizzle-kit push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});

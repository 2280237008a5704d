// Applies the committed migrations to the configured database (the embedded one by default), as
// DATABASE_MIGRATION_URL's role when set; with --grant-app-role, then grants the app's role its
// privileges (see README "Two database roles").
import { sql } from 'drizzle-orm';
import { Command } from 'commander';
import { appRoleGrants } from '../db/app-role';
import { openDatabase } from '../db/client';
import { config as appConfig } from '../server/config';

const program = new Command('db:migrate')
  .description('Apply pending migrations')
  .option('--grant-app-role <role>', "grant the app's database role read-write access, append-only on audit_log")
  .showHelpAfterError()
  .parse();
const { grantAppRole } = program.opts<{ grantAppRole?: string }>();

const config = appConfig.database;
// The grants are the owner's to give: run them on the owner's connection.
const owner = config.driver !== 'pglite' && config.migrationUrl ? { ...config, url: config.migrationUrl, migrationUrl: undefined } : config;
const connection = await openDatabase(owner);
try {
  await connection.migrate();
  console.log(`Migrations applied (${connection.driver}).`);
  if (grantAppRole) {
    for (const statement of appRoleGrants(grantAppRole)) await connection.db.execute(sql.raw(statement));
    console.log(`Granted role ${grantAppRole} the app's privileges (append-only on audit_log).`);
  }
} finally {
  await connection.close();
}

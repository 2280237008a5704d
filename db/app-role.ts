// The privileges of the role the app runs as in production, granted by the schema owner (who
// applies the migrations). The app may read and write its tables but only append to the audit
// trail: it can neither change nor remove a record, nor disable the trigger that refuses it
// (only the owner can), so its credentials alone cannot rewrite history.

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements that give `role` what the app needs, and no more; run them as the owner. */
export function appRoleGrants(role: string): string[] {
  if (!IDENTIFIER.test(role)) throw new Error(`"${role}" is not a plain Postgres role name (lowercase letters, digits, "_")`);
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    // Tables later migrations create get the same, by default.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    // The audit trail: read and append only.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role}`,
    // To see at start whether migrations are pending (the owner applies them).
    `GRANT USAGE ON SCHEMA drizzle TO ${role}`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${role}`,
    // The job engine's queue (graphile-worker): the app enqueues in its transactions and works jobs.
    `GRANT USAGE ON SCHEMA graphile_worker TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${role}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${role}`,
    // Its tables have row-level security (so that only their owner reads them by accident); the
    // app's role is let through on each, whichever tables this version of the engine has.
    `DO $$ DECLARE t record; BEGIN
       FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'graphile_worker' AND c.relrowsecurity LOOP
         EXECUTE format('DROP POLICY IF EXISTS %I ON graphile_worker.%I', '${role}_all', t.relname);
         EXECUTE format('CREATE POLICY %I ON graphile_worker.%I TO ${role} USING (true) WITH CHECK (true)', '${role}_all', t.relname);
       END LOOP;
     END $$`,
  ];
}

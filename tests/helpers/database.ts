import pg from 'pg';
import { inject } from 'vitest';
import { type Connection, openDatabase } from '../../db/client';

/** A connection to the database the app under test serves, for fixtures and direct checks. */
export const appDatabase = (): Promise<Connection> =>
  openDatabase({ driver: 'pg', url: inject('appDatabaseUrl'), poolMax: 4 });

/** A new, migrated, empty database of this test file's own, cloned from the template. */
export async function freshDatabase(): Promise<Connection & { url: string }> {
  const name = `registry_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: `${inject('postgresUrl')}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
  await admin.end();
  const url = `${inject('postgresUrl')}/${name}`;
  return { ...(await openDatabase({ driver: 'pg', url, poolMax: 10 })), url };
}

/** A connection to the app's database and a team of this test file's own with a read-write token. */
export async function appTeam(prefix: string) {
  const { tokenFor, uniqueSlug } = await import('./fixtures');
  const db = await appDatabase();
  const team = uniqueSlug(prefix);
  return { db, team, token: await tokenFor(db.db, team) };
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client';
import { startNextServer } from './next-server';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
    appUrl: string;
    appDatabaseUrl: string;
    appLogFile: string;
  }
}

const TEMPLATE = 'registry_template';
const APP_DATABASE = 'registry_app';

/**
 * One Postgres server for the run with a migrated template database (each test file clones its
 * own from it), and the built app served against a database of its own.
 */
export default async function setup(project: TestProject) {
  const outDir = path.resolve(import.meta.dirname, '../../.test-data');
  mkdirSync(outDir, { recursive: true });

  const postgres = await startPostgres();
  const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE}`);
  const template = await openDatabase({ driver: 'pg', url: `${postgres.baseUrl}/${TEMPLATE}`, poolMax: 1 });
  await template.migrate();
  await template.close();
  await admin.query(`create database ${APP_DATABASE} template ${TEMPLATE}`);
  await admin.end();

  const appDatabaseUrl = `${postgres.baseUrl}/${APP_DATABASE}`;
  const appLogFile = path.join(outDir, 'app.log');
  const app = await startNextServer({ DATABASE_URL: appDatabaseUrl, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'debug' }, appLogFile);

  project.provide('postgresUrl', postgres.baseUrl);
  project.provide('templateDatabase', TEMPLATE);
  project.provide('appUrl', app.url);
  project.provide('appDatabaseUrl', appDatabaseUrl);
  project.provide('appLogFile', appLogFile);

  return async () => {
    await app.stop();
    await postgres.server.stop();
  };
}

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client';
import { startNextServer } from './next-server';
import { freePort, releaseExitHooks, startPostgres } from './postgres';
import { startLocalIdp } from '../../scripts/local-idp';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
    appUrl: string;
    appDatabaseUrl: string;
    appLogFile: string;
    /** What the app under test was given to sign people in through the local provider. */
    signInEnv: Record<string, string>;
    metricsToken: string;
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
  const appPort = await freePort();
  const idp = await startLocalIdp({
    port: await freePort(),
    redirectUris: [`http://127.0.0.1:${appPort}/api/auth/callback/oidc`],
  });
  const signIn = {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_LOCAL_DEMO: 'true',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  const app = await startNextServer(
    {
      DATABASE_URL: appDatabaseUrl,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'debug',
      METRICS_TOKEN: 'test-metrics-token',
      // Tests share one address and a few tokens; the limits themselves are tested on a server of their own.
      RATE_LIMIT_TOKEN_PER_MINUTE: '1000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      // Webhook receivers in tests listen on 127.0.0.1 over http, and retries come within a second.
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_SCHEDULE: '0.2,0.4,0.8',
      ...signIn,
    },
    appLogFile,
    appPort,
  );

  project.provide('postgresUrl', postgres.baseUrl);
  project.provide('templateDatabase', TEMPLATE);
  project.provide('appUrl', app.url);
  project.provide('appDatabaseUrl', appDatabaseUrl);
  project.provide('appLogFile', appLogFile);
  project.provide('signInEnv', signIn);
  project.provide('metricsToken', 'test-metrics-token');

  return async () => {
    await app.stop();
    await idp.close();
    await postgres.server.stop();
    releaseExitHooks();
  };
}

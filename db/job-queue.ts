import { Logger } from 'graphile-worker';

// graphile-worker keeps its queue in its own schema (graphile_worker), installed and upgraded by
// its own migrations; the app's transactions add jobs to it (server/jobs/enqueue.ts), so it is
// installed with the app's migrations, before anything is served.

const quiet = new Logger(() => () => undefined);

/** Installs or upgrades the job engine's schema; safe to run from several processes at once. */
export async function installJobQueue(connectionString: string): Promise<void> {
  const { runMigrations } = await import('graphile-worker');
  await runMigrations({ connectionString, logger: quiet, maxPoolSize: 1 });
}

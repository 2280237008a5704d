import { config } from './config';
import { getConnection } from './db';
import { logger } from './observability/logger';
import { jobDatabase, startJobRunner } from './jobs/runner';
import { startDenialAuditor } from './services/audit/denials';
import { seedDemoData } from './services/seed/demo';

/** Runs once when the server starts: migrations, the embedded database's socket, demo data, the job runner. */
export async function bootstrap(): Promise<void> {
  const { database } = config;
  const connection = await getConnection();
  await connection.migrate();
  let socketPort: number | null = null;
  if (connection.serve && database.driver === 'pglite') {
    socketPort = await connection.serve(database.socketPort);
    logger.info({ port: socketPort, dataDir: database.dataDir }, 'embedded database served to local commands');
  }
  if (config.seedDemoData && (await seedDemoData(connection.db))) logger.info('demo data seeded');
  startDenialAuditor(connection.db);
  const jobs = jobDatabase(database, socketPort);
  if (config.worker.inProcess && jobs) {
    await startJobRunner(connection.db, jobs, config.worker.concurrency);
    logger.info({ concurrency: config.worker.concurrency }, 'job runner started');
  }
  logger.info({ driver: connection.driver }, 'database ready');
}

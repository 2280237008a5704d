import { config } from './config';
import { getConnection } from './db';
import { logger } from './observability/logger';
import { startDenialAuditor } from './services/audit/denials';
import { seedDemoData } from './services/seed/demo';

/** Runs once when the server starts: migrations, the embedded database's socket, demo data. */
export async function bootstrap(): Promise<void> {
  const { database } = config;
  const connection = await getConnection();
  await connection.migrate();
  if (connection.serve && database.driver === 'pglite') {
    const port = await connection.serve(database.socketPort);
    logger.info({ port, dataDir: database.dataDir }, 'embedded database served to local commands');
  }
  if (config.seedDemoData && (await seedDemoData(connection.db))) logger.info('demo data seeded');
  startDenialAuditor(connection.db);
  logger.info({ driver: connection.driver }, 'database ready');
}

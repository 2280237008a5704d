import { databaseConfig } from '@/db/config';
import { getConnection } from '@/server/db';
import { env } from './env';
import { logger } from './observability/logger';
import { startDenialAuditor } from './services/audit/denials';
import { seedDemoData } from './services/seed/demo';

/** Runs once when the server starts: migrations, the embedded database's socket, demo data. */
export async function bootstrap(): Promise<void> {
  const config = databaseConfig();
  const connection = await getConnection();
  await connection.migrate();
  if (connection.serve && config.driver === 'pglite') {
    const port = await connection.serve(config.socketPort);
    logger.info({ port, dataDir: config.dataDir }, 'embedded database served to local commands');
  }
  const seed = env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : config.driver === 'pglite';
  if (seed && (await seedDemoData(connection.db))) logger.info('demo data seeded');
  startDenialAuditor(connection.db);
  logger.info({ driver: connection.driver }, 'database ready');
}

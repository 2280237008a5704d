// `npm run worker`: the job runner (event dispatch, webhook deliveries) as its own process, for
// deployments that keep it apart from the web servers (WORKER_IN_PROCESS=false there). Several
// may run at once. Stops after its jobs in hand on SIGTERM or SIGINT.
import { config } from '../server/config';
import { getConnection } from '../server/db';
import { jobDatabase, startJobRunner } from '../server/jobs/runner';

const connection = await getConnection();
await connection.migrate();
const target = jobDatabase(config.database, null);
if (!target) {
  console.error('The embedded database lives in the server process, which runs the jobs itself; set DATABASE_URL to run a worker apart.');
  process.exit(1);
}
const runner = await startJobRunner(connection.db, target, config.worker.concurrency);
console.log(`Worker running (concurrency ${config.worker.concurrency})`);
const stop = async () => {
  await runner.stop();
  await connection.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

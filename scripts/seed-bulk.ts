// Fills a Postgres database with bulk data for load tests and benchmarks:
//   DATABASE_URL=postgres://… npm run seed:bulk -- --models 100000 --versions-per-model 10 --teams 50
import { Command } from 'commander';
import { seedBulk } from './seed/bulk';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got "${value}"`);
  return n;
};

const options = new Command('seed:bulk')
  .description('Bulk-load realistic registry data into a Postgres database (COPY)')
  .option('--models <n>', 'models', positive, 100_000)
  .option('--versions-per-model <n>', 'versions of each model', positive, 10)
  .option('--teams <n>', 'teams', positive, 50)
  .option('--seed <n>', 'random seed, for reproducible data', positive, 42)
  .option('--database-url <url>', 'Postgres URL (default: $DATABASE_URL)')
  .parse()
  .opts<{ models: number; versionsPerModel: number; teams: number; seed: number; databaseUrl?: string }>();

const url = options.databaseUrl ?? process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) {
  console.error('seed:bulk needs a Postgres server: pass --database-url or set DATABASE_URL=postgres://…');
  process.exit(1);
}
console.log(`seeding ${options.models.toLocaleString('en-US')} models × ${options.versionsPerModel} versions in ${options.teams} teams…`);
const { seconds } = await seedBulk(url, options);
console.log(`done in ${seconds.toFixed(1)} s`);

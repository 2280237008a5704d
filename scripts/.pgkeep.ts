import pg from 'pg';
import { startPostgres } from '/work/main/tests/setup/postgres';
import { seedBulk } from '/work/main/scripts/seed/bulk';
const postgres = await startPostgres();
const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
await admin.connect(); await admin.query('create database b'); await admin.end();
const r = await seedBulk(`${postgres.baseUrl}/b`, { models: 100000, versionsPerModel: 10, teams: 50, seed: 42 }, () => {});
console.log('URL', `${postgres.baseUrl}/b`, 'seconds', r.seconds);
setInterval(() => {}, 1 << 30);

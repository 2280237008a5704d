import pg from 'pg';
const c = new pg.Client({ connectionString: process.argv[2] }); await c.connect();
const r = await c.query(process.argv[3]!);
for (const row of r.rows) console.log(Object.values(row).join(' '));
await c.end();

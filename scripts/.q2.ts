import pg from 'pg';
import { openDatabase } from '../db/client';
import { systemPrincipal } from '../server/auth/principal';
import { planRagExport } from '../server/services/export/stream';
import { captureStatements } from './bench/measure';
process.env.EXPORT_CURSOR_SECRET = 'x';
const pool = new pg.Pool({ connectionString: process.argv[2] });
let seen = 0;
const st = await captureStatements(pool, async (d) => { const p = await planRagExport(d, systemPrincipal('x'), {}); for await (const b of p.batches) { if (++seen >= 3) break; } });
for (const s of st) {
  console.log(s.sql.slice(0, 3000), JSON.stringify(s.params));
  const t = performance.now();
  const r = await pool.query('explain analyze ' + s.sql, s.params as unknown[]);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n').slice(0, 3000));
  console.log('ms', performance.now() - t);
}
await pool.end();

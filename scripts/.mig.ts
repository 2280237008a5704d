import pg from 'pg';
import { openDatabase } from '../db/client';
import { systemPrincipal } from '../server/auth/principal';
import { listModels } from '../server/services/models/list';
import { listModelsInput } from '../server/schemas/model';
import { captureStatements } from './bench/measure';
const url = process.argv[2]!;
const c = await openDatabase({ driver: 'pg', url, poolMax: 2 }); await c.migrate(); await c.close();
const pool = new pg.Pool({ connectionString: url });
await pool.query('vacuum analyze models');
for (const input of [{ offset: 50000 }, { team: 'fraud-1' }, {}, { deploymentTarget: 'EKS', framework: 'pytorch', tag: 'gpu' }, { q: 'forecast' }]) {
  const st = await captureStatements(pool, (d) => listModels(d, systemPrincipal('x'), listModelsInput.parse(input)));
  for (const s of st) {
    for (let i = 0; i < 3; i++) await pool.query(s.sql, s.params as unknown[]);
    const r = await pool.query('explain analyze ' + s.sql, s.params as unknown[]);
    const plan = r.rows.map((x) => x['QUERY PLAN']);
    console.log(JSON.stringify(input), plan.filter((l: string) => /Scan|Execution/.test(l)).map((l: string) => l.trim().slice(0, 110)).join('\n   '));
  }
}
await pool.end();

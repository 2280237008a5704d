import { openDatabase } from '../db/client';
import { systemPrincipal } from '../server/auth/principal';
import { planRagExport } from '../server/services/export/stream';
const url = process.argv[2]!;
process.env.EXPORT_CURSOR_SECRET = 'x';
const c = await openDatabase({ driver: 'pg', url, poolMax: 4 });
const admin = systemPrincipal('prof');
let t = performance.now(); let n = 0; let bytes = 0;
const plan = await planRagExport(c.db, admin, {});
for await (const batch of plan.batches) { n += batch.length; for (const l of batch) bytes += JSON.stringify(l).length; if (n % 10000 === 0) console.log(n, Math.round(performance.now() - t)); if (n >= 50000) break; }
const s = (performance.now() - t) / 1000;
console.log('docs', n, 'docs/s', Math.round(n / s), 'avg bytes', Math.round(bytes / n));
await c.close();
process.exit(0);

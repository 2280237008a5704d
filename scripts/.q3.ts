import pg from 'pg';
const c = new pg.Client({ connectionString: process.argv[2] }); await c.connect();
const cols = process.argv[3]!;
let pos = ['0', -1]; const t = performance.now(); let n = 0;
for (let i = 0; i < 50; i++) {
  const r = await c.query(`select ${cols}, change_xid::text x, change_seq s from model_versions where (change_xid, change_seq) > ($1::xid8, $2) and deleted_at is null order by change_xid, change_seq limit 1000`, pos);
  n += r.rows.length; const last = r.rows.at(-1); pos = [last.x, last.s];
}
console.log(cols.slice(0, 40), 'rows/s', Math.round(n / ((performance.now() - t) / 1000)));
await c.end();

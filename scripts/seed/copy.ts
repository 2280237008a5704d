import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Postgres COPY text format: tab-separated, \N for NULL, backslash escapes.
const escapeText = (text: string) => text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

const arrayLiteral = (items: readonly string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** One value in COPY text form: arrays as Postgres arrays, objects as JSON, dates in ISO. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as string[]));
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** Streams rows into a table with COPY FROM STDIN, honouring backpressure. */
export async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<unknown[]>) {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const finished = once(stream, 'finish');
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyValue).join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await finished;
}

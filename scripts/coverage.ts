// `npm run test:coverage`: the whole suite with coverage of what the tests exercise — in the test
// processes (vitest's V8 provider) and in every app process they start, where most of the server
// runs (NODE_V8_COVERAGE, mapped back to the sources through the build's source maps by
// monocart-coverage-reports) — merged into one report under coverage/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import libCoverage, { type CoverageMapData } from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { CoverageReport } from 'monocart-coverage-reports';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'coverage');
const serverRaw = path.join(out, 'server-v8');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(serverRaw, { recursive: true });

if (run(bin('next'), ['build']) !== 0) process.exit(1);
const tests = run(bin('vitest'), ['run', '--coverage.enabled'], { REGISTRY_SERVER_COVERAGE_DIR: serverRaw });

// The app processes' raw V8 coverage of the bundles in .next/server, as Istanbul data about the
// sources their source maps name (paths relative to the repository).
const isOurs = (file: string) => /^(app|components|db|server)\//.test(file) || file === 'proxy.ts';
const server = new CoverageReport({
  outputDir: path.join(out, 'server'),
  reports: [['json', { file: 'coverage-final.json' }]],
  entryFilter: (entry: { url: string }) => entry.url.includes('/.next/server/'),
  sourcePath: (file: string) => file.replace(/^(\.\.\/)+/, ''),
  cleanCache: true,
  logging: 'error',
});
await server.addFromDir(serverRaw);
await server.generate();

const read = (part: string): CoverageMapData => JSON.parse(readFileSync(path.join(out, part, 'coverage-final.json'), 'utf8'));
const inProcess = libCoverage.createCoverageMap(read('in-process'));
const appProcesses = libCoverage.createCoverageMap(
  Object.fromEntries(
    Object.entries(read('server'))
      .filter(([file]) => isOurs(file))
      .map(([file, data]) => [path.join(root, file), { ...data, path: path.join(root, file) }]),
  ),
);

// Each side in full (statements, branches, functions, lines), as Istanbul reports.
for (const [name, map] of [['app-processes', appProcesses], ['test-processes', inProcess]] as const) {
  const context = libReport.createContext({ dir: path.join(out, name), coverageMap: map, defaultSummarizer: 'nested' });
  for (const reporter of ['html', 'lcovonly', 'json-summary'] as const) reports.create(reporter).execute(context);
  console.log(`\n${name}:`);
  reports.create('text-summary').execute(context);
}

// Together: the two sides instrument the same source differently (the build's bundles through
// source maps, vitest's own transform), so their statement and branch maps do not line up; a
// line, however, is the same line on both sides: a line counts as covered when either ran it.
const lines = new Map<string, Map<number, boolean>>();
for (const map of [appProcesses, inProcess]) {
  for (const file of map.files()) {
    const seen = lines.get(file) ?? new Map<number, boolean>();
    for (const [line, hits] of Object.entries(map.fileCoverageFor(file).getLineCoverage())) seen.set(Number(line), seen.get(Number(line)) || hits > 0);
    lines.set(file, seen);
  }
}
const byFolder = new Map<string, { covered: number; total: number }>();
for (const [file, seen] of lines) {
  const relative = path.relative(root, file);
  const folder = relative.split('/').slice(0, relative.startsWith('server/') ? 2 : 1).join('/');
  for (const key of [folder, 'all']) {
    const sum = byFolder.get(key) ?? { covered: 0, total: 0 };
    sum.covered += [...seen.values()].filter(Boolean).length;
    sum.total += seen.size;
    byFolder.set(key, sum);
  }
}
console.log('\nlines covered by either side:');
for (const [folder, { covered, total }] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${folder.padEnd(24)} ${((100 * covered) / total).toFixed(1).padStart(5)}%  (${covered}/${total})`);
}
console.log(`\nReports: ${path.relative(root, out)}/app-processes/index.html, ${path.relative(root, out)}/test-processes/index.html`);
process.exit(tests);

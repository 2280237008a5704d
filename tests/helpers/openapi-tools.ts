import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { astToString, openapiTS } from 'openapi-typescript-on-ts5';

const root = path.resolve(import.meta.dirname, '../..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A JavaScript entry point under this repository's node_modules, run by the Node running the tests. */
export function runNode(script: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules', script), ...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// There is no network here, and a linter must not depend on one: no telemetry, no update check.
const REDOCLY_OFFLINE = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};

// Redocly's recommended rules; the ones our document once broke, or that a client depends on, are
// stated as errors so that a change of Redocly's defaults cannot turn them into warnings.
const REDOCLY_CONFIG = `extends:
  - recommended
telemetry: off
rules:
  struct: error
  no-unresolved-refs: error
  security-defined: error
  operation-operationId-unique: error
  path-parameters-defined: error
`;

export interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` of a document file with the config above; no report when Redocly could not process it. */
export async function redoclyLint(documentFile: string): Promise<{ run: Run; report?: LintReport }> {
  const dir = path.dirname(documentFile);
  await writeFile(path.join(dir, 'redocly.yaml'), REDOCLY_CONFIG);
  const run = await runNode(
    '@redocly/cli/bin/cli.js',
    ['lint', path.basename(documentFile), '--config', 'redocly.yaml', '--lint-config', 'error', '--format', 'json'],
    { cwd: dir, env: REDOCLY_OFFLINE },
  );
  const report = run.stdout.trim().startsWith('{') ? (JSON.parse(run.stdout) as LintReport) : undefined;
  return { run, report };
}

/** TypeScript types (`paths`, `components`, `operations`) of a document, as openapi-typescript writes them. */
export async function generateTypes(document: object): Promise<string> {
  return astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

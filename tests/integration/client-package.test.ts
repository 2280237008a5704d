import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { name as PACKAGE, version as CURRENT } from '../../packages/client/package.json';
import { appTeam } from '../helpers/database';

// The client package as another repository gets it: packed as `npm publish` would pack it (from
// the build `npm run build` made), installed into an empty project outside this repository with
// nothing but its declared dependencies, and used from TypeScript, ESM, CommonJS and the shell.

const root = path.resolve(import.meta.dirname, '../..');
const packageDir = path.join(root, 'packages/client');
let team: Awaited<ReturnType<typeof appTeam>>;
let consumer: string;
let tarball: string;
const model = `pkg-${crypto.randomUUID().slice(0, 6)}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeout?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: options.timeout ?? 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function ok(command: string, args: string[], options: Parameters<typeof run>[2]): Promise<string> {
  const result = await run(command, args, options);
  expect(result.code, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Node 20, the oldest Node the package supports: the machine's own, else fetched once from the npm registry. */
async function node20(): Promise<string> {
  for (const candidate of [process.env.NODE20_BIN, '/usr/bin/node', '/usr/local/bin/node']) {
    if (candidate && existsSync(candidate) && (await run(candidate, ['--version'], { cwd: root })).stdout.startsWith('v20.')) return candidate;
  }
  const prefix = path.join(root, '.test-data/node20');
  const bin = path.join(prefix, 'bin/node');
  if (!existsSync(bin)) await ok('npm', ['install', '--global', '--prefix', prefix, 'node@20', '--no-audit', '--no-fund'], { cwd: root, timeout: 300_000 });
  return bin;
}

const connection = () => ({ REGISTRY_URL: inject('appUrl'), REGISTRY_TOKEN: team.token });

// A script a team would write: list, register, read back. The URL and token are written in so
// that the script needs no @types/node.
const typedScript = () => `import { createRegistryClient, errorBodyOf, type RegistryClient, type RegistryInputs } from '${PACKAGE}';
import { type ModelVersion, registerModelInput } from '${PACKAGE}/schemas';

const client: RegistryClient = createRegistryClient({ url: ${JSON.stringify(inject('appUrl'))}, token: ${JSON.stringify(team.token)} });

const before = await client.models.list.query({ team: '${team.team}' });
const input: RegistryInputs['models']['register'] = {
  name: '${model}',
  version: '1.0.0',
  framework: 'onnx',
  artifactUri: 's3://ml-models/${model}/1.0.0/model.onnx',
  deploymentTarget: 'LAMBDA',
  deploymentConfig: { memoryMb: 1024, timeoutSeconds: 30 },
  metrics: { auc: 0.91 },
};
registerModelInput.parse(input); // the API's own checks, before sending
const { model, version } = await client.models.register.mutate(input);
const read: ModelVersion = await client.versions.get.query({ modelId: model.id, version: version.version });
try {
  await client.models.register.mutate(input);
} catch (error) {
  console.log('again:', errorBodyOf(error)?.code);
}
console.log(JSON.stringify({ before: before.items.length, registered: read.version, auc: read.metrics.auc, team: model.team }));
`;

beforeAll(async () => {
  team = await appTeam('pkg');
  const outside = await mkdtemp(path.join(tmpdir(), 'registry-client-consumer-'));
  expect(path.relative(root, outside).startsWith('..')).toBe(true);
  const packed = JSON.parse(await ok('npm', ['pack', '--json', '--pack-destination', outside], { cwd: packageDir }));
  tarball = path.join(outside, packed[0].filename);
  consumer = path.join(outside, 'consumer');
  await mkdir(consumer);
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Peer dependencies (@trpc/client, @trpc/server) come along, as npm installs peers.
  await ok('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: consumer, timeout: 240_000 });
}, 300_000);
afterAll(async () => {
  await team.db.close();
  if (consumer) await rm(path.dirname(consumer), { recursive: true, force: true });
});

describe('the client package, installed from its tarball into another project', () => {
  it('ships built JavaScript and declarations only, importing nothing of the server', async () => {
    const listing = await ok('tar', ['-tzf', tarball], { cwd: root });
    const files = listing.trim().split('\n').sort();
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/dist/index.js', 'package/dist/index.cjs', 'package/dist/index.d.ts', 'package/dist/index.d.cts', 'package/dist/cli.js']));
    expect(files.filter((f) => !f.startsWith('package/dist/') && !['package/package.json', 'package/README.md'].includes(f))).toEqual([]);

    const installed = path.join(consumer, 'node_modules', PACKAGE, 'dist');
    const imported = new Set<string>();
    for (const file of await readdir(installed)) {
      const text = await readFile(path.join(installed, file), 'utf8');
      for (const match of text.matchAll(/(?:from |require\()["']([^"'.][^"']*)["']/g)) imported.add(match[1]!);
    }
    const allowed = ['@trpc/client', '@trpc/server', 'zod', 'commander', 'cli-progress', 'cli-table3', 'yaml'];
    expect([...imported].filter((name) => !name.startsWith('node:') && !allowed.includes(name))).toEqual([]);
  });

  it('type-checks a TypeScript script with TypeScript 6 and 7, and refuses a misspelt field', async () => {
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], types: [], noEmit: true, skipLibCheck: true },
    }));
    await writeFile(path.join(consumer, 'script.ts'), typedScript());
    // CommonJS consumers get the .d.cts declarations.
    await writeFile(path.join(consumer, 'script-cjs.cts'), `import { createRegistryClient } from '${PACKAGE}';\nexport const pages = createRegistryClient({ url: 'http://127.0.0.1', token: 't' }).models.list.query({ limit: 5 });\n`);
    for (const tsc of ['node_modules/typescript/bin/tsc', 'node_modules/@typescript/typescript6/bin/tsc6']) {
      const checked = await run(process.execPath, [path.join(root, tsc), '-p', 'tsconfig.json'], { cwd: consumer });
      expect(checked.code, `${tsc}\n${checked.stdout}`).toBe(0);
    }

    await writeFile(path.join(consumer, 'script.ts'), typedScript().replace('artifactUri:', 'artifactUrl:').replace('client.versions.get.query', 'client.versions.gte.query'));
    const misspelt = await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer });
    expect(misspelt.code).not.toBe(0);
    expect(misspelt.stdout).toContain("'artifactUrl' does not exist in type");
    expect(misspelt.stdout).toContain("Property 'gte' does not exist");
    await writeFile(path.join(consumer, 'script.ts'), typedScript());
  });

  it('runs the script against the registry: lists, registers, reads, and a second registration is a conflict', async () => {
    // Node 24 runs TypeScript directly (type stripping).
    const out = await ok(process.execPath, ['script.ts'], { cwd: consumer });
    expect(out).toContain('again: CONFLICT');
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ before: 0, registered: '1.0.0', auc: 0.91, team: team.team });
  });

  it('loads with import from ESM and require from CommonJS on Node 20 and Node 24', async () => {
    const query = `.models.list.query({ team: '${team.team}' }).then((page) => console.log(page.items.map((m) => m.name).join(',')))`;
    const make = `({ url: process.env.REGISTRY_URL, token: process.env.REGISTRY_TOKEN })`;
    await writeFile(path.join(consumer, 'list.mjs'), `import { createRegistryClient } from '${PACKAGE}';\nimport { FRAMEWORKS } from '${PACKAGE}/schemas';\nimport { z } from 'zod';\nif (!FRAMEWORKS.includes('onnx')) throw new Error('schemas');\n// The package leaves the consumer's zod as it was: its own messages, not the registry's.\nif (!z.number().safeParse('x').error.issues[0].message.startsWith('Invalid input')) throw new Error('zod configured');\ncreateRegistryClient${make}${query};\n`);
    await writeFile(path.join(consumer, 'list.cjs'), `const { createRegistryClient } = require('${PACKAGE}');\nconst { registerModelInput } = require('${PACKAGE}/schemas');\nif (registerModelInput.safeParse({}).success) throw new Error('schemas');\ncreateRegistryClient${make}${query};\n`);
    for (const node of [process.execPath, await node20()]) {
      for (const file of ['list.mjs', 'list.cjs']) {
        expect((await ok(node, [file], { cwd: consumer, env: connection() })).trim(), `${node} ${file}`).toBe(model);
      }
    }
  }, 360_000);

  it('gives the registry command: npx registry models list, on Node 24 and Node 20', async () => {
    const listed = await ok('npx', ['registry', 'models', 'list', '--team', team.team], { cwd: consumer, env: connection() });
    expect(listed).toContain(model);
    const bin = path.join(consumer, 'node_modules/.bin/registry');
    const json = JSON.parse(await ok(await node20(), [bin, '--json', 'models', 'get', `${team.team}/${model}`], { cwd: consumer, env: connection() }));
    expect(json).toMatchObject({ name: model, team: team.team });
    // The CLI checks input with the API's schemas and messages before sending anything.
    const refused = await run('npx', ['registry', 'versions', 'register', '--name', model, '--version', 'one', '--framework', 'onnx', '--artifact-uri', 's3://b/k', '--target', 'LAMBDA', '--config', '{"memoryMb":"lots"}'], { cwd: consumer, env: connection() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('version: must be a semantic version');
    expect(refused.stderr).toContain('deploymentConfig.memoryMb: must be a number');
  });

  it('an installed release the registry no longer supports is told which release to install', async () => {
    // What an old release is: the same package with an older version baked in.
    const cli = path.join(consumer, 'node_modules', PACKAGE, 'dist/cli.js');
    const text = await readFile(cli, 'utf8');
    expect(text).toContain(`version = "${CURRENT}"`);
    await writeFile(cli, text.replace(`version = "${CURRENT}"`, 'version = "0.9.0"'));
    const refused = await run('npx', ['registry', 'models', 'list'], { cwd: consumer, env: connection() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${PACKAGE} 0.9.0 is no longer supported by this registry; upgrade to ${CURRENT}: npm install ${PACKAGE}@^${CURRENT}`);
    expect(refused.stderr).toContain('CLIENT_OUTDATED');
  });
});

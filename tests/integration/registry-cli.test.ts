import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRegistryClient, errorBodyOf, exportRag } from '@ml-platform/model-registry-client';
import { appTeam } from '../helpers/database';
import { tokenFor } from '../helpers/fixtures';
import { api } from '../helpers/api';
import { signInAs } from '../helpers/session';

const root = path.resolve(import.meta.dirname, '../..');
let team: Awaited<ReturnType<typeof appTeam>>;
let maintainer: string;
let dir: string;
const model = `cli-${crypto.randomUUID().slice(0, 6)}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A program run with this Node against the app under test. */
function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, env: { ...process.env, REGISTRY_URL: inject('appUrl'), REGISTRY_TOKEN: team.token, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A TypeScript script of this repo, run as `npx tsx` would. */
const script = (file: string, args: string[], env: Record<string, string> = {}) =>
  run([path.join(root, 'node_modules/tsx/dist/cli.mjs'), file, ...args], env);

/** The `registry` command as the client package ships it (`npm run build` builds it). */
const registry = (args: string[], env: Record<string, string> = {}) => run([path.join(root, 'packages/client/dist/cli.js'), ...args], env);

const registerArgs = (version: string) => [
  'versions', 'register', '--name', model, '--version', version, '--framework', 'pytorch',
  '--artifact-uri', `s3://ml-models/${model}/${version}/model.pt`, '--target', 'LAMBDA',
  '--config', '{"memoryMb":1024,"timeoutSeconds":60}', '--tag', 'cli', '--metric', 'f1=0.8',
];

beforeAll(async () => {
  team = await appTeam('cli');
  maintainer = await tokenFor(team.db.db, team.team, { scopes: ['read', 'write', 'export'], role: 'maintainer' });
  dir = await mkdtemp(path.join(tmpdir(), 'registry-cli-'));
});
afterAll(() => team.db.close());

describe('the registry CLI against a running portal', () => {
  it('registers a version from flags (exit 0), then the same version again is a conflict (exit 4)', async () => {
    const created = await registry(['--json', ...registerArgs('1.0.0')]);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).version).toMatchObject({ modelName: model, version: '1.0.0', tags: ['cli'], metrics: { f1: 0.8 } });
    const again = await registry(registerArgs('1.0.0'));
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('is already registered (CONFLICT');
  });

  it('registers from a YAML file, flags overriding it', async () => {
    const file = path.join(dir, 'version.yaml');
    await writeFile(file, [`name: ${model}`, 'version: 9.9.9', 'framework: onnx', `artifactUri: s3://ml-models/${model}/2/model.onnx`, 'deploymentTarget: EKS',
      'deploymentConfig:', '  minReplicas: 1', '  maxReplicas: 2', '  cpu: "1"', '  memoryMiB: 2048', 'lineage:', '  parentVersion: 1.0.0'].join('\n'));
    const run = await registry(['versions', 'register', '-f', file, '--version', '2.0.0']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2.0.0');
    expect(run.stdout).toContain('EKS');
  });

  it('refuses invalid input before sending it (exit 1), with the API\'s field messages', async () => {
    const run = await registry(['versions', 'register', '--name', model, '--version', 'one', '--framework', 'pytorch', '--artifact-uri', 'http://x', '--target', 'LAMBDA', '--config', '{}']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('version: must be a semantic version');
    expect(run.stderr).toContain('artifactUri: must be an S3 URI');
    expect((await registry(['versions', 'register', '-f', path.join(dir, 'missing.yaml')])).code).toBe(1);
  });

  it('lists with the catalog filters as a table or JSON, and gets a model by team/name or id', async () => {
    const table = await registry(['models', 'list', '--team', team.team, '--target', 'EKS']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(model);
    expect(table.stderr).toContain('1 of 1 models');
    const json = JSON.parse((await registry(['--json', 'models', 'list', '--q', model])).stdout);
    expect(json.items.map((m: { name: string }) => m.name)).toEqual([model]);
    const byName = await registry(['--json', 'models', 'get', `${team.team}/${model}`, '--order', 'semver']);
    const detail = JSON.parse(byName.stdout);
    expect(detail.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '2.0.0']);
    const byId = await registry(['models', 'get', detail.id]);
    expect(byId.stdout).toContain('2.0.0');
  });

  it('exits 3 for what does not exist and 2 for bad credentials', async () => {
    expect((await registry(['models', 'get', '00000000-0000-7000-8000-000000000000'])).code).toBe(3);
    expect((await registry(['models', 'list'], { REGISTRY_TOKEN: 'wrong' })).code).toBe(2);
    const noToken = await registry(['models', 'list'], { REGISTRY_TOKEN: '' });
    expect(noToken.code).toBe(2);
    const readOnly = await tokenFor(team.db.db, team.team, { scopes: ['read'] });
    expect((await registry(registerArgs('3.0.0'), { REGISTRY_TOKEN: readOnly })).code).toBe(2);
  });

  it('updates and deregisters a version (deregistration needs --yes)', async () => {
    const { id } = JSON.parse((await registry(['--json', 'models', 'get', `${team.team}/${model}`])).stdout);
    const updated = await registry(['--json', 'versions', 'update', id, '1.0.0', '--description', 'from CI', '--metric', 'f1=0.85']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ description: 'from CI', metrics: { f1: 0.85 } });
    expect((await registry(['versions', 'deregister', id, '2.0.0'], { REGISTRY_TOKEN: maintainer })).code).toBe(1);
    expect((await registry(['versions', 'deregister', id, '2.0.0', '--reason', 'x'.repeat(501), '--yes'], { REGISTRY_TOKEN: maintainer })).code).toBe(1);
    expect((await registry(['versions', 'deregister', id, '2.0.0', '--reason', 'superseded by 1.0.0', '--yes'], { REGISTRY_TOKEN: maintainer })).code).toBe(0);
    expect((await registry(['versions', 'deregister', id, '2.0.0', '--yes'], { REGISTRY_TOKEN: maintainer })).code).toBe(3);
    const tombstone = await api(`/api/v1/models/${id}/2.0.0/deregistration`, { token: maintainer });
    expect(tombstone.body).toMatchObject({ version: '2.0.0', reason: 'superseded by 1.0.0' });
  });

  it('exports NDJSON to a file and resumes from the printed cursor', async () => {
    const file = path.join(dir, 'export.ndjson');
    const full = await registry(['export', 'rag', '--team', team.team, '-o', file], { REGISTRY_TOKEN: maintainer });
    expect(full.code, full.stderr).toBe(0);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.op === 'upsert').map((l) => l.metadata.version)).toEqual(['1.0.0']);
    const cursor = lines.at(-1).cursor;
    expect(full.stderr).toContain(`--since ${cursor}`);
    const since = await registry(['export', 'rag', '--team', team.team, '--since', cursor], { REGISTRY_TOKEN: maintainer });
    expect(since.stdout.trim().split('\n').map((l) => JSON.parse(l).op)).toEqual(['end']);
    expect((await registry(['export', 'rag', '--since', 'garbage'], { REGISTRY_TOKEN: maintainer })).code).toBe(1);
  });
});

describe('the typed client', () => {
  it('batches typed calls with the bearer token and reports errors in the contract shape', async () => {
    const client = createRegistryClient({ url: inject('appUrl'), token: team.token });
    const [page, changes] = await Promise.all([client.models.list.query({ team: team.team }), client.versions.changes.query({ limit: 5 })]);
    expect(page.items.map((m) => m.name)).toEqual([model]);
    expect(changes.items.length).toBeGreaterThan(0);
    const error = await client.models.get.query({ modelId: '00000000-0000-7000-8000-000000000000' }).catch((e: unknown) => e);
    expect(errorBodyOf(error)).toMatchObject({ code: 'NOT_FOUND', message: 'Model not found' });
  });

  it('streams the export as parsed lines', async () => {
    const { cursor, lines } = await exportRag({ url: inject('appUrl'), token: maintainer }, { team: team.team });
    const all = [];
    for await (const line of lines) all.push(line);
    expect(all.at(-1)).toEqual({ op: 'end', cursor, documents: all.length - 1 });
  });
});

describe('the example scripts', () => {
  it('register a version from a CI job, idempotently', async () => {
    const env = { MODEL_NAME: `${model}-ci`, MODEL_VERSION: '0.1.0', ARTIFACT_URI: 's3://ml-models/ci/0.1.0/model.tar.gz', GITHUB_SHA: 'a1b2c3d4' };
    const first = await script('scripts/examples/register-from-ci.ts', [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`registered ${team.team}/${model}-ci 0.1.0`);
    const again = await script('scripts/examples/register-from-ci.ts', [], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already registered');
  });

  it("list a team's Lambda-targeted models", async () => {
    const run = await script('scripts/examples/list-lambda-models.ts', [team.team]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').map((line) => line.split('\t')[0]).sort()).toEqual([model, `${model}-ci`]);
  });
});

describe('governance from the command line', () => {
  it('records evidence, checks the policy (exit 4 while blocked), submits, points an alias and resolves it', async () => {
    const created = await registry(['--json', ...registerArgs('3.0.0')]);
    expect(created.code, created.stderr).toBe(0);
    const { modelId } = JSON.parse(created.stdout);

    const artifact = await registry(['versions', 'artifact', modelId, '3.0.0', '--type', 'weights', '--uri', `s3://ml-models/${model}/3.0.0/model.pt`, '--sha256', 'e'.repeat(64), '--size', '2048']);
    expect(artifact.code, artifact.stderr).toBe(0);
    const evaluation = await registry(['--json', 'versions', 'evaluate', modelId, '3.0.0', '--suite', 'safety', '--metric', 'safety.toxicity=0.2', '--max', 'safety.toxicity=0.05', '--dataset', 's3://eval/safety']);
    expect(evaluation.code, evaluation.stderr).toBe(0);
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ suite: 'safety', passed: false, thresholds: { 'safety.toxicity': { max: 0.05 } } });
    expect((await registry(['versions', 'evaluate', modelId, '3.0.0', '--suite', 'safety', '--metric', 'toxicity=0.2'])).code).toBe(1);

    const blocked = await registry(['policy', 'check', modelId, '3.0.0', 'approved_staging']);
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toContain('✗ 1 approval for staging by maintainers other than the requester — none yet');
    expect(blocked.stderr).toContain('✓ artifacts are recorded, each with its SHA-256 checksum');
    const draft = path.join(dir, 'draft-policy.json');
    await writeFile(draft, JSON.stringify({ states: { approved_staging: { artifactChecksums: true } } }));
    expect((await registry(['policy', 'check', modelId, '3.0.0', 'approved_staging', '-f', draft])).code).toBe(0);

    const submitted = await registry(['versions', 'submit', modelId, '3.0.0', '--comment', 'from CI']);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stderr).toContain('state: submitted');
    expect((await registry(['versions', 'submit', modelId, '3.0.0'])).code).toBe(4);

    expect((await registry(['aliases', 'set', modelId, 'candidate', '3.0.0'])).code).toBe(0);
    const resolved = await registry(['--json', 'aliases', 'resolve', `${team.team}/${model}@candidate`]);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(JSON.parse(resolved.stdout)).toMatchObject({ version: '3.0.0', state: 'submitted' });
    expect((await registry(['aliases', 'resolve', 'no-at-sign'])).code).toBe(1);
    const status = await registry(['versions', 'governance', modelId, '3.0.0']);
    expect(status.stderr).toContain('aliases @candidate');
    expect(status.stdout).toContain('draft → submitted');

    // Deciding needs a person: an operator's token is refused (exit 2), a maintainer's own token decides as them.
    const refused = await registry(['versions', 'approve', modelId, '3.0.0'], { REGISTRY_TOKEN: maintainer });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Only a person may decide a review');
    expect((await registry(['versions', 'request-changes', modelId, '3.0.0'])).code).toBe(1);
    const cookie = await signInAs(team.db.db, `cli-mia-${team.team}`, [`mlreg-${team.team}-maintainer`]);
    const made = await api('/api/v1/tokens', { method: 'POST', headers: { cookie }, body: { name: 'mia-cli', team: team.team, scopes: ['read', 'write'], role: 'maintainer' } });
    expect(made.status).toBe(201);
    const approved = await registry(['versions', 'approve', modelId, '3.0.0', '--comment', 'looks right'], { REGISTRY_TOKEN: made.body.token });
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stderr).toContain('state: approved_staging');
  }, 120_000);
});

describe('deployments and webhooks from the command line', () => {
  it('deploys, reports as a pipeline, reads the events and history, and manages a webhook', async () => {
    const created = await registry(['--json', ...registerArgs('5.0.0')]);
    const { modelId } = JSON.parse(created.stdout);
    const base = `/api/v1/models/${modelId}/5.0.0`;
    expect((await api(`${base}/artifacts`, { method: 'POST', token: team.token, body: { type: 'weights', uri: `s3://ml-models/${model}/5.0.0/model.pt`, sha256: 'f'.repeat(64) } })).status).toBe(201);
    expect((await api(`${base}/reviews`, { method: 'POST', token: team.token, body: { environment: 'staging' } })).status).toBe(201);
    const cookie = await signInAs(team.db.db, `cli-max-${team.team}`, [`mlreg-${team.team}-maintainer`]);
    expect((await api(`${base}/decisions`, { method: 'POST', headers: { cookie }, body: { decision: 'approve' } })).body.state).toBe('approved_staging');

    const deployed = await registry(['--json', 'versions', 'deploy', modelId, '5.0.0', '--environment', 'staging', '--reason', 'from CI']);
    expect(deployed.code, deployed.stderr).toBe(0);
    const { id } = JSON.parse(deployed.stdout);
    expect((await registry(['versions', 'deploy', modelId, '5.0.0', '--environment', 'staging', '--traffic', 'half'])).code).toBe(1);
    const pipeline = { REGISTRY_TOKEN: await tokenFor(team.db.db, team.team, { scopes: ['deploy'] }) };
    expect((await registry(['deployments', 'report', id, 'succeeded'], pipeline)).code).toBe(1); // the endpoint is required
    const reported = await registry(['deployments', 'report', id, 'succeeded', '--endpoint', 'arn:aws:lambda:eu-west-1:1:function:cli'], pipeline);
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stderr).toContain('is succeeded');
    const events = await registry(['deployments', 'events', id]);
    expect(events.stdout).toMatch(/requested[\s\S]*succeeded/);
    const history = await registry(['deployments', 'list', modelId, '--environment', 'staging']);
    expect(history.stderr).toContain('staging: 5.0.0 100%');
    expect(history.stdout).toContain('from CI');

    const added = await registry(['webhooks', 'add', 'https://hooks.example.com/cli', '--event', 'deployment.requested'], { REGISTRY_TOKEN: maintainer });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toMatch(/^whsec_/);
    const listed = await registry(['--json', 'webhooks', 'list'], { REGISTRY_TOKEN: maintainer });
    const hook = JSON.parse(listed.stdout).find((h: { url: string }) => h.url === 'https://hooks.example.com/cli');
    expect(hook.eventTypes).toEqual(['deployment.requested']);
    expect((await registry(['webhooks', 'add', 'https://10.0.0.1/x'], { REGISTRY_TOKEN: maintainer })).code).toBe(1);
    expect((await registry(['webhooks', 'test', hook.id], { REGISTRY_TOKEN: maintainer })).code).toBe(0);
    const log = await registry(['webhooks', 'deliveries', hook.id], { REGISTRY_TOKEN: maintainer });
    expect(log.stdout).toContain('webhook.test');
  }, 120_000);
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { OPENAPI_FETCH_SCRIPT, OPENAPI_FETCH_TSCONFIG } from '../helpers/openapi-fetch-script';
import { generateTypes, redoclyLint, runNode } from '../helpers/openapi-tools';

// The served document, judged by tools nobody here wrote: Redocly's linter, and a client that
// openapi-typescript and openapi-fetch make from the document alone.

const root = path.resolve(import.meta.dirname, '../..');
type Document = {
  servers: { url: string }[];
  paths: Record<string, Record<string, { security?: unknown[] }>>;
  [key: string]: unknown;
};

let team: Awaited<ReturnType<typeof appTeam>>;
let document: Document;
let dir: string;

beforeAll(async () => {
  team = await appTeam('oatools');
  const res = await api<Document>('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  document = res.body;
  // Under the repository, so that the client script resolves openapi-fetch and @types/node from it.
  await mkdir(path.join(root, '.test-data'), { recursive: true });
  dir = await mkdtemp(path.join(root, '.test-data', 'openapi-tools-'));
  await writeFile(path.join(dir, 'openapi.json'), JSON.stringify(document, null, 2));
});
afterAll(async () => {
  await team.db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every `$ref` string in the document with where it sits. */
function refsOf(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : refsOf(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

const resolve = (pointer: string): unknown =>
  pointer
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), document);

describe('the served OpenAPI document', () => {
  it('has only local references, each to a schema that is more than a reference back to itself', () => {
    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(50);
    for (const { at, ref } of refs) {
      expect(ref, at).toMatch(/^#\//);
      const target = resolve(ref);
      expect(target, `${at} → ${ref}`).toBeTypeOf('object');
      expect((target as { $ref?: string }).$ref, `${ref} refers to itself`).not.toBe(ref);
    }
  });

  it('tells the truth about which operations need a token: the open ones answer an anonymous caller', async () => {
    const sample: Record<string, string> = { modelId: crypto.randomUUID(), tokenId: crypto.randomUUID(), version: '1.0.0', team: 'fraud', name: 'x' };
    const open: string[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const url = `/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) => sample[name]!)}`;
        const res = await api(url, { method: method.toUpperCase(), ...(['post', 'put'].includes(method) ? { body: {} } : {}) });
        const label = `${method} ${template}: security ${JSON.stringify(operation.security)}, anonymous ${res.status}`;
        if (operation.security?.length === 0) {
          open.push(`${method} ${template}`);
          expect(res.status, label).toBe(200);
        } else {
          expect(operation.security, label).toEqual([{ bearerAuth: [] }]);
          expect(res.status, label).toBe(401);
        }
      }
    }
    expect(open.sort()).toEqual(['get /export/rag/schema', 'get /health', 'get /lifecycle']);
  });

  it('passes `redocly lint` without an error', async () => {
    const { run, report } = await redoclyLint(path.join(dir, 'openapi.json'));
    expect(report, `Redocly could not process the document:\n${run.stderr}`).toBeDefined();
    const errors = report!.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report!.totals.errors).toBe(0);
    expect(run.code, run.stderr).toBe(0);
  });

  it('gives openapi-typescript + openapi-fetch a client that registers, lists and reads a model', async () => {
    await writeFile(path.join(dir, 'schema.ts'), await generateTypes(document));
    await writeFile(path.join(dir, 'client.ts'), OPENAPI_FETCH_SCRIPT);
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(OPENAPI_FETCH_TSCONFIG, null, 2));

    const typecheck = await runNode('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json'], { cwd: dir });
    expect(typecheck.code, typecheck.stdout + typecheck.stderr).toBe(0);

    const baseUrl = document.servers[0]!.url;
    expect(baseUrl).toBe(`${inject('appUrl')}/api/v1`);
    const name = `generated-${crypto.randomUUID().slice(0, 8)}`;
    const run = await runNode('tsx/dist/cli.mjs', ['client.ts', baseUrl, team.token, team.team, name], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout);

    expect(seen.registered).toMatchObject({ status: 201, name, version: '1.0.0' });
    expect(seen.registered.modelId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.again).toEqual({ status: 409, code: 'CONFLICT' });
    expect(seen.listed).toEqual({ status: 200, total: 1, items: [{ id: seen.registered.modelId, name, latest: '1.0.0' }] });
    expect(seen.read).toEqual({ status: 200, id: seen.registered.modelId, name, team: team.team, versions: ['1.0.0'] });
  });
});

/**
 * A client script as someone outside this repository would write it: openapi-fetch typed only by
 * `schema.ts`, the types openapi-typescript generated from the served document. It is kept as text
 * because it compiles only next to that generated file; the test writes both into a folder, type-checks
 * them (strict) and runs the script. It prints what it saw; the test judges it.
 *
 * Arguments: base URL (the document's server), token, team, model name.
 */
export const OPENAPI_FETCH_SCRIPT = `import createClient from 'openapi-fetch';
import type { paths } from './schema';

const [baseUrl, token, team, name] = process.argv.slice(2);
if (!baseUrl || !token || !team || !name) throw new Error('usage: client.ts <baseUrl> <token> <team> <name>');

const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });

const body: paths['/models']['post']['requestBody']['content']['application/json'] = {
  name,
  version: '1.0.0',
  framework: 'onnx',
  artifactUri: \`s3://ml-models/\${team}/\${name}/1.0.0/model.onnx\`,
  deploymentTarget: 'LAMBDA',
  deploymentConfig: { memoryMb: 1024, timeoutSeconds: 60 },
  team,
  tags: ['generated-client'],
};

const registered = await client.POST('/models', { body });
const again = await client.POST('/models', { body });
const listed = await client.GET('/models', { params: { query: { team, framework: 'onnx', q: name } } });
const modelId = registered.data?.modelId;
if (!modelId) throw new Error(\`registration answered \${registered.response.status}: \${JSON.stringify(registered.error)}\`);
const read = await client.GET('/models/{modelId}', { params: { path: { modelId } } });

console.log(JSON.stringify({
  registered: {
    status: registered.response.status,
    modelId,
    name: registered.data?.model.name,
    version: registered.data?.version.version,
  },
  again: { status: again.response.status, code: again.error?.error.code },
  listed: {
    status: listed.response.status,
    total: listed.data?.total,
    items: listed.data?.items.map((model) => ({ id: model.id, name: model.name, latest: model.latestVersion?.version ?? null })),
  },
  read: {
    status: read.response.status,
    id: read.data?.id,
    name: read.data?.name,
    team: read.data?.team,
    versions: read.data?.versions.map((version) => version.version),
  },
}));
`;

/** The strictest settings the project uses, for the generated types and the script alone. */
export const OPENAPI_FETCH_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    module: 'esnext',
    moduleResolution: 'bundler',
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
  },
  files: ['client.ts', 'schema.ts'],
};

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration, tokenFor } from '../helpers/fixtures';
import { signInAs } from '../helpers/session';

let own: Awaited<ReturnType<typeof appTeam>>;
let other: Awaited<ReturnType<typeof appTeam>>;
let client: Client;
const model = `assistant-${crypto.randomUUID().slice(0, 6)}`;
let ownModelId: string;
let otherModelId: string;

async function connect(token: string): Promise<Client> {
  const mcp = new Client({ name: 'registry-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${inject('appUrl')}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await mcp.connect(transport);
  return mcp;
}

/** Calls a tool and returns its JSON answer (and whether it is an error). */
async function callTool(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.find((c) => c.type === 'text');
  return { isError: result.isError ?? false, body: JSON.parse(text?.type === 'text' ? text.text : 'null') };
}

beforeAll(async () => {
  own = await appTeam('mcp-own');
  other = await appTeam('mcp-other');
  const first = await api('/api/v1/models', { method: 'POST', token: own.token, body: registration({ name: model, version: '1.0.0', description: 'Ranks search results for the help centre', metrics: { ndcg: 0.71 } }) });
  await api('/api/v1/models', { method: 'POST', token: own.token, body: registration({ name: model, version: '1.1.0' }) });
  const hidden = await api('/api/v1/models', { method: 'POST', token: other.token, body: registration({ name: model, version: '9.0.0' }) });
  ownModelId = first.body.modelId;
  otherModelId = hidden.body.modelId;
  client = await connect(await tokenFor(own.db.db, own.team, { scopes: ['read'] }));
});
afterAll(async () => {
  await client?.close();
  await own.db.close();
  await other.db.close();
});

describe('the MCP endpoint, driven by the SDK client', () => {
  it('lists the six read-only tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_deployments', 'get_governance', 'get_model', 'get_version', 'list_recent_changes', 'resolve_alias', 'search_models']);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const search = tools.find((t) => t.name === 'search_models')!;
    expect(Object.keys(search.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['q', 'team', 'deploymentTarget', 'limit']));
  });

  it('searches models by text and filters, never showing another team', async () => {
    const { isError, body } = await callTool('search_models', { q: model });
    expect(isError).toBe(false);
    expect(body.items.map((m: { id: string }) => m.id)).toEqual([ownModelId]);
    expect(body.items[0]).toMatchObject({ name: model, team: own.team, latestVersion: { version: '1.1.0' }, versionCount: 2 });
    expect(body.items[0].url).toMatch(new RegExp(`/models/${ownModelId}$`));
    const none = await callTool('search_models', { q: model, deploymentTarget: 'EKS' });
    expect(none.body.items).toEqual([]);
  });

  it('gets a model with its versions, by id or by team and name; another team\'s is not found', async () => {
    const byId = await callTool('get_model', { modelId: ownModelId });
    expect(byId.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0']);
    const byName = await callTool('get_model', { team: own.team, name: model });
    expect(byName.body.id).toBe(ownModelId);
    const hidden = await callTool('get_model', { modelId: otherModelId });
    expect(hidden).toEqual({ isError: true, body: { code: 'NOT_FOUND', message: 'Model not found', traceId: expect.any(String) } });
    const neither = await callTool('get_model', {});
    expect(neither.isError).toBe(true);
  });

  it('gets one version with every field', async () => {
    const { body } = await callTool('get_version', { modelId: ownModelId, version: '1.0.0' });
    expect(body).toMatchObject({ modelName: model, version: '1.0.0', metrics: { ndcg: 0.71 }, description: 'Ranks search results for the help centre' });
    expect(body.url).toMatch(/\/versions\/1\.0\.0$/);
    const hidden = await callTool('get_version', { modelId: otherModelId, version: '9.0.0' });
    expect(hidden.isError).toBe(true);
  });

  it('lists recent changes of its own teams only', async () => {
    const { body } = await callTool('list_recent_changes', { limit: 10 });
    expect(body.items.slice(0, 2).map((c: { version: string; change: string }) => [c.version, c.change])).toEqual([
      ['1.1.0', 'registered'],
      ['1.0.0', 'registered'],
    ]);
    expect(body.items.every((c: { team: string }) => c.team === own.team)).toBe(true);
  });

  it('refuses callers without a token or without the read scope', async () => {
    await expect(connect('not-a-token')).rejects.toMatchObject({ code: 401, message: expect.stringContaining('UNAUTHENTICATED') });
    const exportOnly = await tokenFor(own.db.db, own.team, { scopes: ['export'] });
    await expect(connect(exportOnly)).rejects.toMatchObject({ code: 403, message: expect.stringContaining('FORBIDDEN') });
  });
});

describe('governance through MCP', () => {
  it('answers "which version is in production, and who approved it?"', async () => {
    const base = `/api/v1/models/${ownModelId}/1.0.0`;
    const mia = { cookie: await signInAs(own.db.db, `mcp-mia-${own.team}`, [`mlreg-${own.team}-maintainer`]) };
    const max = { cookie: await signInAs(own.db.db, `mcp-max-${own.team}`, [`mlreg-${own.team}-maintainer`]) };
    const step = async (path: string, body: unknown, who: { token?: string; headers?: Record<string, string> }, method = 'POST') => {
      const res = await api(path, { method, body, ...who });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    };
    // The built-in rules: checksums before staging, a model card before production.
    await step(`${base}/artifacts`, { type: 'weights', uri: 's3://ml-models/assistant/w.bin', sha256: 'd'.repeat(64) }, { token: own.token });
    await step(`/api/v1/models/${ownModelId}`, { description: 'Ranks search results for the help centre.' }, { headers: mia }, 'PUT');
    await step(`${base}/reviews`, { environment: 'staging' }, { token: own.token });
    await step(`${base}/decisions`, { decision: 'approve', comment: 'offline metrics hold' }, { headers: mia });
    await step(`${base}/transitions`, { to: 'staging' }, { token: own.token });
    await step(`${base}/reviews`, { environment: 'production' }, { token: own.token });
    await step(`${base}/decisions`, { decision: 'approve' }, { headers: max });
    await step(`${base}/transitions`, { to: 'production' }, { token: own.token });
    await step(`/api/v1/models/${ownModelId}/aliases/production`, { version: '1.0.0' }, { headers: mia }, 'PUT');

    const { isError, body } = await callTool('resolve_alias', { team: own.team, name: model, alias: 'production' });
    expect(isError).toBe(false);
    expect(body.version).toMatchObject({ version: '1.0.0', state: 'production' });
    expect(body.governance.approvedBy.production.approvers).toEqual([`mcp-max-${own.team}`]);
    expect(body.governance.approvedBy.staging.approvers).toEqual([`mcp-mia-${own.team}`]);
    expect(body.governance.aliases).toEqual(['production']);
    const governance = await callTool('get_governance', { modelId: ownModelId, version: '1.0.0' });
    expect(governance.body.history.map((t: { to: string }) => t.to)).toEqual(['submitted', 'approved_staging', 'staging', 'approved_prod', 'production']);

    // "Where is this version deployed?"
    const deployed = await api(`${base}/deploy`, { method: 'POST', headers: mia, body: { environment: 'production', reason: 'launch' } });
    expect(deployed.status).toBe(202);
    const pipeline = await tokenFor(own.db.db, own.team, { scopes: ['deploy'] });
    await step(`/api/v1/deployments/${deployed.body.deploymentId}/events`, { status: 'succeeded', endpoint: 'https://search.models.internal/v1' }, { token: pipeline });
    const where = await callTool('get_deployments', { modelId: ownModelId, version: '1.0.0' });
    expect(where.isError).toBe(false);
    expect(where.body.version.servingIn).toEqual([{ environment: 'production', percent: 100, since: expect.any(String) }]);
    expect(where.body.deployments[0]).toMatchObject({ status: 'succeeded', endpoint: 'https://search.models.internal/v1', requestedBy: `mcp-mia-${own.team}`, reason: 'launch' });
    const hidden = await callTool('resolve_alias', { team: other.team, name: model, alias: 'latest' });
    expect(hidden.isError).toBe(true);
    expect(JSON.stringify(hidden.body)).toContain('NOT_FOUND');
  });
});

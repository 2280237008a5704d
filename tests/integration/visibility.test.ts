import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { appRouter } from '../../server/routers';
import { authenticateToken } from '../../server/services/tokens/authenticate';
import { inProcessContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { fetchJson } from '../helpers/api';
import { startNextServer } from '../setup/next-server';
import { freshDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { idsOf, ragExport } from '../helpers/rag';
import { signInAs } from '../helpers/session';

// A model's visibility decides who reads it, through every door; writes stay with its team. A
// server and database of this file's own: internal models are in every caller's catalog, and
// other tests count what theirs holds.
let db: Connection;
let server: Awaited<ReturnType<typeof startNextServer>>;
let appUrl = '';
const api = (path: string, options?: Parameters<typeof fetchJson>[1]) => fetchJson(`${appUrl}${path}`, options);
const owner = uniqueSlug('vis-own');
const partner = uniqueSlug('vis-partner');
const stranger = uniqueSlug('vis-stranger');
const tokens = {} as Record<'owner' | 'ownerMaintainer' | 'partner' | 'stranger' | 'strangerExport', string>;
let maintainer: string;
const models = {} as Record<'internal' | 'shared' | 'private', { modelId: string; versionId: string; name: string }>;

async function register(key: keyof typeof models) {
  const name = `${key}-${crypto.randomUUID().slice(0, 6)}`;
  const res = await api('/api/v1/models', { method: 'POST', token: tokens.owner, body: registration({ name, team: owner, description: `The ${key} churn model` }) });
  expect(res.status).toBe(201);
  models[key] = { modelId: res.body.modelId, versionId: res.body.versionId, name };
}

const setVisibility = (key: keyof typeof models, body: Record<string, unknown>) => api(`/api/v1/models/${models[key].modelId}`, { method: 'PUT', headers: { cookie: maintainer }, body });

beforeAll(async () => {
  const database = await freshDatabase();
  db = database;
  server = await startNextServer({ DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...inject('signInEnv') }, `${process.cwd()}/.test-data/visibility.log`);
  appUrl = server.url;
  tokens.owner = await tokenFor(db.db, owner);
  tokens.ownerMaintainer = await tokenFor(db.db, owner, { role: 'maintainer' });
  tokens.partner = await tokenFor(db.db, partner, { role: 'maintainer' });
  tokens.stranger = await tokenFor(db.db, stranger, { role: 'maintainer' });
  tokens.strangerExport = await tokenFor(db.db, stranger, { scopes: ['read', 'export'] });
  maintainer = await signInAs(db.db, `vis-mia-${owner}`, [`mlreg-${owner}-maintainer`]);
  for (const key of ['internal', 'shared', 'private'] as const) await register(key);
  expect((await setVisibility('internal', { visibility: 'internal' })).status).toBe(200);
  const shared = await setVisibility('shared', { visibility: 'shared', sharedWith: [partner] });
  expect(shared.status).toBe(200);
  expect(shared.body.visibility).toBe('shared');
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const reads = async (token: string, key: keyof typeof models) => (await api(`/api/v1/models/${models[key].modelId}`, { token })).status;

describe('model visibility', () => {
  it('is kept by maintainers: a shared model names existing teams, and only a shared model is shared', async () => {
    expect((await api(`/api/v1/models/${models.private.modelId}`, { method: 'PUT', token: tokens.owner, body: { visibility: 'internal' } })).status).toBe(403);
    const unknown = await setVisibility('private', { visibility: 'shared', sharedWith: ['no-such-team-x'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fieldErrors.sharedWith).toEqual(['no such team: no-such-team-x']);
    expect((await setVisibility('private', { visibility: 'team', sharedWith: [partner] })).status).toBe(400);
    const detail = await api(`/api/v1/models/${models.shared.modelId}`, { token: tokens.owner });
    expect(detail.body).toMatchObject({ visibility: 'shared', sharedWith: [partner] });
  });

  it('lets everyone read an internal model, the partner team a shared one, and nobody else a private one (404)', async () => {
    expect([await reads(tokens.stranger, 'internal'), await reads(tokens.stranger, 'shared'), await reads(tokens.stranger, 'private')]).toEqual([200, 404, 404]);
    expect([await reads(tokens.partner, 'internal'), await reads(tokens.partner, 'shared'), await reads(tokens.partner, 'private')]).toEqual([200, 200, 404]);
    expect((await api(`/api/v1/models/${models.internal.modelId}/1.0.0`, { token: tokens.stranger })).status).toBe(200);
    expect((await api(`/api/v1/teams/${owner}/models/${models.shared.name}`, { token: tokens.partner })).status).toBe(200);
  });

  it('keeps writes with the team: a reader from elsewhere is refused with 403, not hidden', async () => {
    const update = await api(`/api/v1/models/${models.internal.modelId}/1.0.0`, { method: 'PUT', token: tokens.stranger, body: { tags: ['mine'] } });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toContain("Only members of the model's team");
    expect((await api(`/api/v1/models/${models.shared.modelId}/1.0.0/reviews`, { method: 'POST', token: tokens.partner, body: { environment: 'staging' } })).status).toBe(403);
    expect((await api(`/api/v1/models/${models.private.modelId}/1.0.0`, { method: 'DELETE', token: tokens.stranger })).status).toBe(404);
  });

  it('finds internal and shared models in the catalog and search, and the changes feed', async () => {
    const catalog = async (token: string) => (await api(`/api/v1/models?team=${owner}&limit=100`, { token })).body.items.map((m: { name: string }) => m.name).sort();
    expect(await catalog(tokens.stranger)).toEqual([models.internal.name]);
    expect(await catalog(tokens.partner)).toEqual([models.internal.name, models.shared.name].sort());
    expect(await catalog(tokens.owner)).toHaveLength(3);
    const search = await api(`/api/v1/models?q=churn&team=${owner}`, { token: tokens.stranger });
    expect(search.body.items.map((m: { visibility: string }) => m.visibility)).toEqual(['internal']);
    const changes = await api(`/api/v1/changes?team=${owner}`, { token: tokens.partner });
    expect(new Set(changes.body.items.map((c: { modelName: string }) => c.modelName))).toEqual(new Set([models.internal.name, models.shared.name]));
  });

  it('pages through its own and other teams\' models together, by cursor and by offset, each once', async () => {
    // The partner's own model and the owner's internal and shared ones come from two merged parts.
    const own = await api('/api/v1/models', { method: 'POST', token: tokens.partner, body: registration({ name: 'partner-churn', team: partner }) });
    expect(own.status).toBe(201);
    const expected = [models.internal.name, models.shared.name, 'partner-churn'].sort();
    for (const sort of ['updated', 'name', 'created', 'latestVersion']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { name: string }[]; nextCursor: string | null; total: number } } = await api(`/api/v1/models?limit=1&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.partner });
        seen.push(...page.body.items.map((m) => m.name));
        expect(page.body.total).toBeGreaterThanOrEqual(3);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.filter((n) => expected.includes(n)).sort(), sort).toEqual(expected);
      expect(new Set(seen).size, sort).toBe(seen.length);
      const byOffset = await Promise.all([0, 1, 2].map(async (offset) => (await api(`/api/v1/models?limit=1&offset=${offset}&sort=${sort}`, { token: tokens.partner })).body.items[0]?.name));
      expect(byOffset, sort).toEqual(seen.slice(0, 3));
    }
  });

  it('answers the same through tRPC and MCP', async () => {
    const principal = await authenticateToken(db.db, tokens.stranger);
    const caller = createCallerFactory(appRouter)(inProcessContext({ db: db.db, driver: 'pg', correlationId: 'vis', principal }));
    expect((await caller.models.get({ modelId: models.internal.modelId })).name).toBe(models.internal.name);
    await expect(caller.models.get({ modelId: models.shared.modelId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const mcp = new Client({ name: 'vis-test', version: '1.0.0' });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${appUrl}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${tokens.stranger}` } } }));
    try {
      const result = (await mcp.callTool({ name: 'search_models', arguments: { q: 'churn', team: owner } })) as CallToolResult;
      const text = result.content.find((c) => c.type === 'text');
      const found = JSON.parse(text?.type === 'text' ? text.text : '{}');
      expect(found.items.map((m: { name: string }) => m.name)).toEqual([models.internal.name]);
    } finally {
      await mcp.close();
    }
  });

  it('exports what the caller may read, and tells it to delete a model that leaves its view', async () => {
    const full = await ragExport(appUrl, { token: tokens.strangerExport });
    const ids = idsOf(full.documents, 'upsert');
    expect(ids).toContain(models.internal.versionId);
    expect(ids).not.toContain(models.shared.versionId);
    expect(ids).not.toContain(models.private.versionId);

    expect((await setVisibility('internal', { visibility: 'team' })).status).toBe(200);
    expect((await setVisibility('private', { visibility: 'internal' })).status).toBe(200);
    const changes = await ragExport(appUrl, { token: tokens.strangerExport }, { since: full.cursor! });
    expect(changes.documents.filter((d) => d.op === 'delete')).toEqual([expect.objectContaining({ versionId: models.internal.versionId, reason: 'no_longer_visible' })]);
    expect(idsOf(changes.documents, 'upsert')).toEqual([models.private.versionId]);
    expect(await reads(tokens.stranger, 'internal')).toBe(404);
  });
});

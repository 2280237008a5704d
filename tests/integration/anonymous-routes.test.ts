import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureMetas, procedureType } from '../../server/routers/procedure-meta';
import { api } from '../helpers/api';

const root = path.resolve(import.meta.dirname, '../..');

/** Every route handler file of the app, as a path under app/. */
function routeFiles(dir = path.join(root, 'app')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [path.relative(path.join(root, 'app'), full)] : [];
  });
}

// The only things open to a caller without identity, as documented in the README.
const PUBLIC_PROCEDURES = new Set(['system.health', 'governance.lifecycle']);
const SAMPLE_PARAMS: Record<string, string> = {
  modelId: '00000000-0000-7000-8000-000000000000',
  tokenId: '00000000-0000-7000-8000-000000000000',
  userId: '00000000-0000-7000-8000-000000000000',
  version: '1.0.0',
  team: 'fraud',
  name: 'fraud-detector',
  alias: 'champion',
};

const procedures = procedureMetas();

describe('every route refuses an anonymous caller unless it is documented as public', () => {
  it('knows every route handler of the app', () => {
    expect(routeFiles().sort()).toEqual([
      'api/[[...unknown]]/route.ts',
      'api/auth/[...nextauth]/route.ts',
      'api/mcp/route.ts',
      'api/metrics/route.ts',
      'api/trpc/[trpc]/route.ts',
      'api/v1/[...openapi]/route.ts',
      'api/v1/export/rag/route.ts',
      'api/v1/export/rag/schema/route.ts',
      'api/v1/openapi.json/route.ts',
    ]);
  });

  it.each(procedures.map(([p]) => p))('tRPC %s', async (procedure) => {
    const isQuery = procedureType(procedure) === 'query';
    const res = isQuery
      ? await api(`/api/trpc/${procedure}`)
      : await api(`/api/trpc/${procedure}`, { method: 'POST', body: {} });
    if (PUBLIC_PROCEDURES.has(procedure)) expect(res.status).toBe(200);
    else expect(res.status).toBe(401);
  });

  it.each(procedures.filter(([, meta]) => meta?.openapi).map(([p, meta]) => [p, meta!.openapi!.method, meta!.openapi!.path] as const))(
    'REST %s (%s %s)',
    async (procedure, method, template) => {
      const url = `/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name]!)}`;
      const res = await api(url, { method, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
      if (PUBLIC_PROCEDURES.has(procedure)) expect(res.status).toBe(200);
      else {
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
    },
  );

  it('keeps metrics, the export and MCP closed, and the OpenAPI document, export schema and sign-in open', async () => {
    expect((await api('/api/metrics')).status).toBe(401);
    const rag = await api('/api/v1/export/rag');
    expect(rag.status).toBe(401);
    expect(rag.body.error.code).toBe('UNAUTHENTICATED');
    const mcp = await api('/api/mcp', { method: 'POST', body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } });
    expect(mcp.status).toBe(401);
    expect(mcp.headers.get('www-authenticate')).toContain('Bearer');
    expect((await api('/api/v1/openapi.json')).status).toBe(200);
    for (const path of ['/api/nothing/here', '/api']) {
      const unknown = await api(path, { method: 'DELETE' });
      expect(unknown.status, path).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', traceId: unknown.headers.get('x-correlation-id') });
    }
    expect((await api('/api/v1/export/rag/schema')).status).toBe(200);
    const providers = await api('/api/auth/providers');
    expect(providers.status).toBe(200);
    expect(providers.body.oidc).toMatchObject({ id: 'oidc', type: 'oauth' });
  });

  it('sends a person without a session from a portal page to sign-in', async () => {
    for (const page of ['/', '/tokens', '/audit', '/admin/teams']) {
      const res = await fetch(`${(await import('vitest')).inject('appUrl')}${page}`, { redirect: 'manual' });
      expect([307, 303, 302], page).toContain(res.status);
      expect(res.headers.get('location'), page).toContain('/signin');
    }
  });
});

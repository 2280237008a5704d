import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VERSION, createRegistryClient } from '@ml-platform/model-registry-client';
import { name as PACKAGE, version as CURRENT } from '../../packages/client/package.json';
import { OLDEST_SUPPORTED_CLIENT } from '../../server/identity/client-version';
import { CLIENT_VERSION_HEADER } from '../../server/schemas/wire-headers';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';

let team: Awaited<ReturnType<typeof appTeam>>;

beforeAll(async () => {
  team = await appTeam('clientver');
});
afterAll(() => team.db.close());

const asClient = (version: string) => ({ token: team.token, headers: { [CLIENT_VERSION_HEADER]: version } });
const trpcList = (version: string) => api(`/api/trpc/models.list?batch=1&input=${encodeURIComponent('{"0":{}}')}`, asClient(version));

describe('the client package and the API it talks to', () => {
  it('sends its own version with every call', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ result: { data: { items: [] } } }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await createRegistryClient({ url: `http://127.0.0.1:${port}`, token: 'rk_test' }).models.list.query({});
    } finally {
      server.close();
    }
    expect(CLIENT_VERSION).toBe(CURRENT);
    expect(seen[0]?.[CLIENT_VERSION_HEADER]).toBe(CURRENT);
    expect(seen[0]?.authorization).toBe('Bearer rk_test');
  });

  it('serves the current release, releases back to the oldest supported, and callers that do not say', async () => {
    expect((await trpcList(CURRENT)).status).toBe(200);
    expect((await trpcList(OLDEST_SUPPORTED_CLIENT)).status).toBe(200);
    expect((await api('/api/v1/models', { token: team.token })).status).toBe(200);
  });

  it('refuses an older release on every door with the release to upgrade to, and changes nothing', async () => {
    const upgrade = `upgrade to ${CURRENT}: npm install ${PACKAGE}@^${CURRENT}`;
    const trpc = await trpcList('0.9.0');
    expect(trpc.status).toBe(400);
    expect(trpc.body[0].error.data.error).toMatchObject({ code: 'CLIENT_OUTDATED', details: { clientVersion: '0.9.0', upgradeTo: CURRENT } });
    expect(trpc.body[0].error.message).toContain(upgrade);

    const register = await api('/api/v1/models', {
      method: 'POST',
      ...asClient('0.9.0'),
      body: { name: 'refused', version: '1.0.0', framework: 'onnx', artifactUri: 's3://b/k', deploymentTarget: 'LAMBDA', deploymentConfig: { memoryMb: 512, timeoutSeconds: 5 } },
    });
    expect(register.status).toBe(400);
    expect(register.body.error).toMatchObject({ code: 'CLIENT_OUTDATED', message: expect.stringContaining(upgrade) });
    expect((await api(`/api/v1/models?team=${team.team}`, { token: team.token })).body.items).toEqual([]);

    const exported = await api('/api/v1/export/rag', asClient('0.9.0'));
    expect(exported.status).toBe(400);
    expect(exported.body.error.code).toBe('CLIENT_OUTDATED');
  });

  it('answers a version header that is not a version as a bad request naming the header', async () => {
    const response = await trpcList('latest');
    expect(response.status).toBe(400);
    expect(response.body[0].error.data.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: { [CLIENT_VERSION_HEADER]: ['must be a semantic version, e.g. 1.0.0'] } },
    });
  });
});

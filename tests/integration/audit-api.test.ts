import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';

let db: Connection;
let team: string;
let contributor: string;
let maintainer: string;
let otherMaintainer: string;
let modelId: string;
const started = new Date().toISOString();

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('aud');
  contributor = await tokenFor(db.db, team);
  maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
  otherMaintainer = await tokenFor(db.db, uniqueSlug('aud-other'), { role: 'maintainer' });
  for (const version of ['1.0.0', '1.1.0']) {
    const res = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'audited-model', version }) });
    modelId = res.body.modelId;
  }
  await api(`/api/v1/models/${modelId}/1.0.0`, { method: 'PUT', token: contributor, body: { description: 'changed' } });
  await api(`/api/v1/models/${modelId}/1.0.0`, { method: 'DELETE', token: contributor }); // refused: needs a maintainer
});
afterAll(() => db.close());

const audit = (query: string, token = maintainer) => api(`/api/v1/audit?${query}`, { token });

describe('GET /api/v1/audit', () => {
  it("shows a maintainer their team's records, newest first", async () => {
    const res = await audit(`team=${team}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { action: string }) => r.action)).toEqual(['version.updated', 'version.registered', 'model.created']);
    expect(res.body.items[0]).toMatchObject({ team, actor: { kind: 'token' }, resourceType: 'model_version' });
  });

  it('filters by model and version, action, actor and time', async () => {
    expect((await audit(`modelId=${modelId}`)).body.items).toHaveLength(3);
    expect((await audit(`modelId=${modelId}&version=1.1.0`)).body.items.map((r: { action: string }) => r.action)).toEqual(['version.registered']);
    expect((await audit(`team=${team}&action=version.updated`)).body.items).toHaveLength(1);
    const actor = (await audit(`team=${team}`)).body.items[0].actor.id;
    expect((await audit(`team=${team}&actor=${actor}`)).body.items).toHaveLength(3);
    expect((await audit(`team=${team}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.items).toHaveLength(0);
    expect((await audit(`team=${team}&from=${encodeURIComponent(started)}`)).body.items).toHaveLength(3);
  });

  it('pages by cursor', async () => {
    const first = await audit(`team=${team}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await audit(`team=${team}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { action: string }) => r.action)).toEqual(['model.created']);
    expect(second.body.nextCursor).toBeNull();
  });

  it("hides other teams' records and refuses callers who maintain nothing", async () => {
    expect((await audit(`team=${team}`, otherMaintainer)).body.items).toHaveLength(0);
    const refused = await audit('', contributor);
    expect(refused.status).toBe(403);
  });

  // Last: it adds records to the team.
  it("filters by model with the model's own records (an alias moved), not only its versions', and no other model's", async () => {
    const other = (await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'other-model' }) })).body.modelId;
    expect((await api(`/api/v1/models/${modelId}/aliases/candidate`, { method: 'PUT', token: contributor, body: { version: '1.1.0' } })).status).toBe(200);
    const actions = async (query: string) => (await audit(query)).body.items.map((r: { action: string }) => r.action);
    expect(await actions(`modelId=${modelId}`)).toEqual(['alias.moved', 'version.updated', 'version.registered', 'model.created']);
    expect(await actions(`modelId=${modelId}&version=1.1.0`)).toEqual(['version.registered']);
    expect(await actions(`modelId=${other}`)).toEqual(['model.created']);
  });

  it('records the denied deregistration of a contributor', async () => {
    const admin = await api(`/api/v1/audit?action=access.denied&limit=200`, { token: maintainer });
    // Denials live in the platform chain, which only admins read.
    expect(admin.body.items).toHaveLength(0);
    const { listAudit } = await import('../../server/services/audit/list');
    const { systemPrincipal } = await import('../../server/auth/principal');
    const { auditDenials } = await import('../../server/services/audit/denials');
    await auditDenials(db.db, new Date(Date.now() + 60_000)); // as if its minute were over
    const all = await listAudit({ db: db.db, actor: { principal: systemPrincipal('test'), correlationId: 'test' } }, { action: 'access.denied', limit: 200 });
    expect(all.items.some((r) => r.resourceId === 'versions.deregister' && String(r.summary.reason).includes('maintainer'))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { signInAs } from '../helpers/session';

let db: Connection;
let cookie: string;
let modelId: string;
let token: string;

beforeAll(async () => {
  db = await appDatabase();
  const team = uniqueSlug('missing');
  token = await tokenFor(db.db, team, { role: 'maintainer' });
  modelId = (await api('/api/v1/models', { method: 'POST', token, body: registration({ name: 'present' }) })).body.modelId;
  await api('/api/v1/models', { method: 'POST', token, body: registration({ name: 'present', version: '1.1.0' }) });
  await api(`/api/v1/models/${modelId}/1.1.0?reason=${encodeURIComponent('Leaked labels')}`, { method: 'DELETE', token });
  cookie = await signInAs(db.db, uniqueSlug('looker'), [`mlreg-${team}-viewer`]);
});
afterAll(() => db.close());

describe('pages of things that are not there', () => {
  it('answer 404, while the pages of things that are answer 200', async () => {
    const page = (path: string) => api(path, { headers: { cookie } });
    expect((await page(`/models/${modelId}`)).status).toBe(200);
    expect((await page(`/models/${modelId}/versions/1.0.0`)).status).toBe(200);
    for (const missing of [`/models/${crypto.randomUUID()}`, `/models/${modelId}/versions/9.9.9`, '/models/not-an-id']) {
      const res = await page(missing);
      expect(res.status, missing).toBe(404);
      expect(String(res.body)).toContain('Not found');
    }
  });

  it('answer 404 for a deregistered version with its tombstone: who, when and why', async () => {
    const res = await api(`/models/${modelId}/versions/1.1.0`, { headers: { cookie } });
    expect(res.status).toBe(404);
    // A 404 page's markup travels in the page's data, rendered by the browser (see the browser test).
    expect(String(res.body)).toContain('was deregistered');
    expect(String(res.body)).toContain('Leaked labels');
    // The API answers the same, for scripts.
    const tombstone = await api(`/api/v1/models/${modelId}/1.1.0/deregistration`, { token });
    expect(tombstone.status).toBe(200);
    expect(tombstone.body).toMatchObject({ modelName: 'present', version: '1.1.0', reason: 'Leaked labels', deregisteredBy: { kind: 'token' } });
    expect((await api(`/api/v1/models/${modelId}/1.0.0/deregistration`, { token })).status).toBe(404);
  });
});

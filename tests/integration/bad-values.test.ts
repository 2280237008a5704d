import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { signInAs } from '../helpers/session';

// Input that passes the shape of a field (a string, a cursor of the right form) but holds a value
// Postgres cannot take must be refused by our schemas with a 400 (a 404 for a page), not a 500.
let db: Connection;
let team: string;
let maintainer: string;
let modelId: string;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const uuid = '0190f3c4-0000-7000-8000-000000000000';

beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('bad-values');
  maintainer = await tokenFor(db.db, team, { role: 'maintainer', scopes: ['read', 'write', 'export'] });
  const res = await api('/api/v1/models', { method: 'POST', token: maintainer, body: registration({ name: 'valued' }) });
  modelId = res.body.modelId;
});
afterAll(() => db.close());

async function expectFieldError(path: string, field: string) {
  const res = await api(path, { token: maintainer });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.details.fieldErrors[field]).toBeDefined();
}

describe('values that Postgres would refuse', () => {
  it('a catalog cursor whose sort key is not a timestamp, not a real date, or holds a NUL', async () => {
    for (const value of ['yesterday', '2026-02-31T10:00:00.000000Z', '0000-01-01T00:00:00Z', '2026-11-24T25:00:00Z']) {
      await expectFieldError(`/api/v1/models?sort=updated&cursor=${base64url({ sort: 'updated', order: 'desc', value, id: uuid })}`, 'cursor');
    }
    await expectFieldError(`/api/v1/models?sort=name&cursor=${base64url({ sort: 'name', order: 'asc', value: 'a\u0000b', id: uuid })}`, 'cursor');
  });

  it('still pages through the catalog by its own cursors', async () => {
    for (const sort of ['updated', 'created', 'name', 'latestVersion']) {
      await api('/api/v1/models', { method: 'POST', token: maintainer, body: registration({ name: `valued-${sort}` }) });
      const first = await api(`/api/v1/models?team=${team}&sort=${sort}&limit=1`, { token: maintainer });
      expect(first.body.nextCursor, sort).toBeTruthy();
      const second = await api(`/api/v1/models?team=${team}&sort=${sort}&limit=1&cursor=${first.body.nextCursor}`, { token: maintainer });
      expect(second.status, sort).toBe(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    }
  });

  it("an audit cursor whose time is not a time", async () => {
    for (const at of ['soon', '2026-13-01T00:00:00Z', '2026-11-24 19:00:00+99']) {
      await expectFieldError(`/api/v1/audit?team=${team}&cursor=${base64url({ at, id: uuid })}`, 'cursor');
    }
    const first = await api(`/api/v1/audit?team=${team}&limit=1`, { token: maintainer });
    const next = await api(`/api/v1/audit?team=${team}&limit=1&cursor=${first.body.nextCursor}`, { token: maintainer });
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('an export position beyond what Postgres transaction ids and change numbers hold', async () => {
    const res = await fetch(`${inject('appUrl')}/api/v1/export/rag?team=${team}`, { headers: { authorization: `Bearer ${maintainer}` } });
    const cursor = res.headers.get('x-export-cursor')!;
    await res.body?.cancel();
    const [, , ...signed] = cursor.split('.');
    for (const [xid, seq] of [['18446744073709551616', '1'], ['99999999999999999999', '1'], ['1', '9223372036854775808']]) {
      await expectFieldError(`/api/v1/export/rag?team=${team}&since=${[xid, seq, ...signed].join('.')}`, 'since');
    }
  });

  it('a query parameter named like a property every object has', async () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      await expectFieldError(`/api/v1/models?${name}=1`, name);
    }
  });

  it('an address that does not decode: a 404 for a page, a 400 for the API', async () => {
    const cookie = await signInAs(db.db, uniqueSlug('bad-values-person'), [`mlreg-${team}-viewer`]);
    expect((await api(`/models/${modelId}/versions/%E0%A4%A`, { headers: { cookie } })).status).toBe(404);
    expect((await api(`/models/${modelId}/versions/%25E0`, { headers: { cookie } })).status).not.toBe(500);
    const rest = await api(`/api/v1/models/${modelId}/%E0%A4%A`, { token: maintainer });
    expect(rest.status).toBe(400);
    expect(rest.body.error).toMatchObject({ code: 'VALIDATION_FAILED', traceId: rest.headers.get('x-correlation-id') });
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { uniqueSlug } from '../helpers/fixtures';
import { signInAs } from '../helpers/session';

let db: Connection;

beforeAll(async () => {
  db = await appDatabase();
});
afterAll(() => db.close());

describe('a platform admin ending the sessions of a person', () => {
  it('signs them out everywhere at once, with an audit record', async () => {
    const subject = uniqueSlug('laptop-lost');
    const team = uniqueSlug('sessions');
    const onLaptop = await signInAs(db.db, subject, [`mlreg-${team}-viewer`]);
    const onPhone = await signInAs(db.db, subject, [`mlreg-${team}-viewer`]);
    const admin = await signInAs(db.db, uniqueSlug('admin'), ['mlreg-admins']);
    const [person] = await db.db.select().from(users).where(eq(users.subject, subject));
    for (const cookie of [onLaptop, onPhone]) expect((await api('/api/v1/models', { headers: { cookie } })).status).toBe(200);

    const refused = await api(`/api/v1/users/${person!.id}/sessions`, { method: 'DELETE', headers: { cookie: onPhone } });
    expect(refused.status).toBe(403);
    const ended = await api(`/api/v1/users/${person!.id}/sessions`, { method: 'DELETE', headers: { cookie: admin } });
    expect(ended).toMatchObject({ status: 200, body: { ended: 2 } });
    for (const cookie of [onLaptop, onPhone]) expect((await api('/api/v1/models', { headers: { cookie } })).status).toBe(401);
    expect((await api('/api/v1/models', { headers: { cookie: admin } })).status).toBe(200);

    const [record] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sessions_ended'), eq(auditLog.resourceId, person!.id)));
    expect(record!.summary).toEqual({ person: subject, sessions: 2 });
    const unknown = await api(`/api/v1/users/${crypto.randomUUID()}/sessions`, { method: 'DELETE', headers: { cookie: admin } });
    expect(unknown.status).toBe(404);
  });
});

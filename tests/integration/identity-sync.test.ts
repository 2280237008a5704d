import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, memberships, teams } from '../../db/schema';
import { accessFromGroups } from '../../server/auth/claims';
import { loadConfig } from '../../server/config';
import { principalForUser } from '../../server/services/users/principal';
import { auditDenials, recordDenial } from '../../server/services/audit/denials';
import { recordSignIn } from '../../server/services/users/sign-in';
import { freshDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const rules = loadConfig({}).groupRules;
const identity = { subject: 'okta|00u1', name: 'Dana Data', email: 'dana@example.com' };

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('teams and roles follow the identity provider', () => {
  it('creates the person, their teams and roles at the first sign-in', async () => {
    const user = await recordSignIn(database.db, identity, accessFromGroups(['mlreg-churn-contributor', 'mlreg-ads-viewer'], rules), 'c1');
    const principal = await principalForUser(database.db, user.id);
    expect(principal?.memberships.map((m) => [m.teamSlug, m.role]).sort()).toEqual([
      ['ads', 'viewer'],
      ['churn', 'contributor'],
    ]);
    expect(principal?.isAdmin).toBe(false);
  });

  it('takes away a team when its group is gone at the next sign-in, and changes roles', async () => {
    const user = await recordSignIn(database.db, identity, accessFromGroups(['mlreg-churn-maintainer', 'mlreg-admins'], rules), 'c2');
    const principal = await principalForUser(database.db, user.id);
    expect(principal?.memberships.map((m) => [m.teamSlug, m.role])).toEqual([['churn', 'maintainer']]);
    expect(principal?.isAdmin).toBe(true);
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(rows).toHaveLength(1);
    const [ads] = await database.db.select().from(teams).where(eq(teams.slug, 'ads'));
    expect(ads).toBeDefined();
  });

  it('records sign-ins and failed sign-ins', async () => {
    const failure = { action: 'auth.sign_in_failed', principal: null, clientAddress: '10.1.1.1', operation: 'auth.callback', code: 'OAUTH_CALLBACK_ERROR', reason: 'x' } as const;
    await recordDenial(database.db, { ...failure, correlationId: 'c3' });
    await recordDenial(database.db, { ...failure, correlationId: 'c4' });
    // Audited once their minute is over: here, as if it were.
    await auditDenials(database.db, new Date(Date.now() + 60_000));
    const actions = (await database.db.select().from(auditLog)).map((a) => [a.action, a.correlationId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['auth.signed_in', 'c1'],
        ['auth.signed_in', 'c2'],
        ['auth.sign_in_failed', 'c3'],
      ]),
    );
    const failures = await database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.summary).toMatchObject({ code: 'OAUTH_CALLBACK_ERROR', count: 2, clientAddress: '10.1.1.1' });
  });
});

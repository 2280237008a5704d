import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../server/auth/principal';
import { appRouter } from '../../server/routers';
import { ensureTeam } from '../../server/services/teams/find';
import { inProcessContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { freshDatabase } from '../helpers/database';
import { registration } from '../helpers/fixtures';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabase();
  for (const slug of ['alpha', 'beta', 'gamma']) ids[slug] = (await ensureTeam(database.db, slug)).team.id;
});
afterAll(() => database.close());

const person = (memberships: [string, Principal['memberships'][number]['role']][], isAdmin = false): Principal => ({
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'test person',
  isAdmin,
  scopes: ['read', 'write', 'export'],
  memberships: memberships.map(([slug, role]) => ({ teamId: ids[slug]!, teamSlug: slug, role })),
});

const callerFor = (principal: Principal) =>
  createCallerFactory(appRouter)(inProcessContext({ db: database.db, driver: 'pg', correlationId: 'access-test', principal }));

const register = (principal: Principal, overrides: Record<string, unknown>) =>
  callerFor(principal).models.register(registration(overrides) as never);

describe('which team a registration goes to', () => {
  it('is the only team where the caller may write, when none is named', async () => {
    const res = await register(person([['alpha', 'contributor'], ['beta', 'viewer']]), { name: 'only-team' });
    expect(res.model.team).toBe('alpha');
  });

  it('must be named by a caller who may write to several teams', async () => {
    const both = person([['alpha', 'contributor'], ['beta', 'maintainer']]);
    await expect(register(both, { name: 'ambiguous' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { details: { fieldErrors: { team: ['Required: you may register in several teams (alpha, beta)'] } } },
    });
    expect((await register(both, { name: 'ambiguous', team: 'beta' })).model.team).toBe('beta');
  });

  it('is refused where the caller is only a viewer or not a member', async () => {
    const viewer = person([['alpha', 'viewer']]);
    await expect(register(viewer, { name: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(register(viewer, { name: 'nope', team: 'gamma' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('may be any existing team for a platform admin, who must name it', async () => {
    const admin = person([], true);
    await expect(register(admin, { name: 'admin-made' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await register(admin, { name: 'admin-made', team: 'gamma' })).model.team).toBe('gamma');
    await expect(register(admin, { name: 'admin-made', team: 'no-such-team' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('reading across teams', () => {
  it('shows each person the teams they belong to, and admins everything', async () => {
    const alphaOnly = await callerFor(person([['alpha', 'viewer']])).models.list({});
    expect(new Set(alphaOnly.items.map((m) => m.team))).toEqual(new Set(['alpha']));
    const all = await callerFor(person([], true)).models.list({});
    expect(new Set(all.items.map((m) => m.team))).toEqual(new Set(['alpha', 'beta', 'gamma']));
    const nobody = await callerFor(person([])).models.list({});
    expect(nobody).toMatchObject({ items: [], total: 0 });
  });
});

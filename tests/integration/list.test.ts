import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { sql } from 'drizzle-orm';
import { COUNT_LIMIT } from '../../server/schemas/model';
import { ensureTeam } from '../../server/services/teams/find';
import { eksConfig, lambdaConfig, registration, tokenFor, uniqueSlug } from '../helpers/fixtures';

let db: Connection;
let team: string;
let token: string;
let otherTeam: string;
let otherToken: string;

// 25 models in this file's team: m-00 … m-24. Even ones EKS/pytorch, odd ones Lambda/xgboost;
// every fifth has the tag "vision"; m-07 also has a second version 2.0.0-beta.1 on EKS.
beforeAll(async () => {
  db = await appDatabase();
  team = uniqueSlug('list');
  otherTeam = uniqueSlug('list-other');
  token = await tokenFor(db.db, team);
  otherToken = await tokenFor(db.db, otherTeam);
  for (let i = 0; i < 25; i++) {
    const name = `m-${String(i).padStart(2, '0')}`;
    const even = i % 2 === 0;
    const res = await api('/api/v1/models', {
      method: 'POST',
      token,
      body: registration({
        name,
        framework: even ? 'pytorch' : 'xgboost',
        deploymentTarget: even ? 'EKS' : 'LAMBDA',
        deploymentConfig: even ? eksConfig : lambdaConfig,
        tags: i % 5 === 0 ? ['vision', 'images'] : ['tabular'],
        description: i === 3 ? 'Detects anomalous payments in card transactions' : `Model number ${i}`,
      }),
    });
    expect(res.status).toBe(201);
  }
  await api('/api/v1/models', {
    method: 'POST',
    token,
    body: registration({ name: 'm-07', version: '2.0.0-beta.1', deploymentTarget: 'EKS', deploymentConfig: eksConfig }),
  });
  await api('/api/v1/models', { method: 'POST', token: otherToken, body: registration({ name: 'm-secret', tags: ['vision'] }) });
});
afterAll(() => db.close());

const list = (query: string, t = token) => api(`/api/v1/models?${query}`, { token: t });
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((m) => m.name);

describe('GET /api/v1/models', () => {
  it('pages with limit and offset and gives the total', async () => {
    const first = await list('sort=name&limit=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 25, limit: 10, offset: 0 });
    expect(names(first)).toEqual(Array.from({ length: 10 }, (_, i) => `m-${String(i).padStart(2, '0')}`));
    const last = await list('sort=name&limit=10&offset=20');
    expect(names(last)).toEqual(['m-20', 'm-21', 'm-22', 'm-23', 'm-24']);
    expect(last.body.nextCursor).toBeNull();
  });

  it('defaults to 20 items, newest change first', async () => {
    const res = await list('');
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[0].name).toBe('m-07');
    const updated = res.body.items.map((m: { updatedAt: string }) => Date.parse(m.updatedAt));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });

  it('walks every page by cursor, each model exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: Awaited<ReturnType<typeof list>> = await list(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...names(res));
      cursor = res.body.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('refuses a malformed cursor, a cursor of another sort, and a limit over 100', async () => {
    const bad = await list('cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fieldErrors.cursor).toBeDefined();
    const page = await list('sort=name&limit=2');
    const mismatch = await list(`sort=updated&cursor=${page.body.nextCursor}`);
    expect(mismatch.status).toBe(400);
    const tooMany = await list('limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.fieldErrors.limit).toEqual(['must be between 1 and 100']);
  });

  it('shows the latest release (not a newer pre-release), its target and the targets of all versions', async () => {
    const res = await list('q=m-07');
    const model = res.body.items.find((m: { name: string }) => m.name === 'm-07');
    expect(model.latestVersion).toMatchObject({ version: '1.0.0', deploymentTarget: 'LAMBDA' });
    expect(model.deploymentTargets).toEqual(['EKS', 'LAMBDA']);
    expect(model.versionCount).toBe(2);
  });

  it('filters by deployment target', async () => {
    const eks = await list('deploymentTarget=EKS&limit=100');
    expect(eks.body.total).toBe(14); // 13 even models and m-07's second version
    expect(eks.body.items.every((m: { deploymentTargets: string[] }) => m.deploymentTargets.includes('EKS'))).toBe(true);
    const lambda = await list('deploymentTarget=LAMBDA&limit=100');
    expect(lambda.body.total).toBe(12);
  });

  it('filters by framework, tag, team, state and exact version', async () => {
    expect((await list('framework=pytorch')).body.total).toBe(13);
    expect(names(await list('tag=vision&sort=name'))).toEqual(['m-00', 'm-05', 'm-10', 'm-15', 'm-20']);
    expect((await list(`team=${team}`)).body.total).toBe(25);
    expect((await list('state=draft')).body.total).toBe(25);
    expect((await list('state=production')).body.total).toBe(0);
    expect(names(await list('version=2.0.0-beta.1'))).toEqual(['m-07']);
  });

  it('combines version filters on the same version', async () => {
    // m-07 has an xgboost version on Lambda and an xgboost one on EKS; m-01 has only Lambda.
    expect(names(await list('framework=xgboost&deploymentTarget=EKS'))).toEqual(['m-07']);
    expect((await list('framework=pytorch&deploymentTarget=LAMBDA')).body.total).toBe(0);
  });

  it('searches name, description and tags', async () => {
    expect(names(await list('q=anomalous payments'))).toEqual(['m-03']);
    expect(names(await list('q=anomal'))).toEqual(['m-03']);
    expect((await list('q=images')).body.total).toBe(5);
    // "m-1" is the words m and 1: the names m-10 … m-19, and m-01 by its description "Model number 1".
    expect(names(await list('q=m-1&sort=name'))).toEqual(['m-01', 'm-10', 'm-11', 'm-12', 'm-13', 'm-14', 'm-15', 'm-16', 'm-17', 'm-18', 'm-19']);
    expect((await list('q=100%25')).body.total).toBe(0);
  });

  it('answers 200 with an empty list when nothing matches', async () => {
    const res = await list('q=no-such-model-anywhere');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0, nextCursor: null });
  });

  it("never shows another team's models", async () => {
    expect(names(await list('tag=vision&limit=100'))).not.toContain('m-secret');
    expect((await list(`team=${otherTeam}`)).body.total).toBe(0);
    expect(names(await list('', otherToken))).toEqual(['m-secret']);
  });
});

describe('counting matches', () => {
  // COUNT_LIMIT + 5 models (rows written directly: registering them one by one would take the
  // whole test's time); the first three carry the facet tag "rare".
  it(`counts up to ${COUNT_LIMIT} and says when there are more; a narrower filter is exact`, async () => {
    const crowded = uniqueSlug('list-crowded');
    const crowdedToken = await tokenFor(db.db, crowded, { scopes: ['read'] });
    const { team: row } = await ensureTeam(db.db, crowded);
    await db.db.execute(sql`insert into models (id, team_id, name, version_count, facets)
      select gen_random_uuid(), ${row.id}, 'bulk-' || i, 1, case when i <= 3 then array['tag:rare'] else array['tag:common'] end
      from generate_series(1, ${COUNT_LIMIT + 5}) i`);

    const all = await list('limit=5', crowdedToken);
    expect(all.body).toMatchObject({ total: COUNT_LIMIT, totalIsExact: false });
    expect(all.body.nextCursor).toEqual(expect.any(String));
    const rare = await list('tag=rare', crowdedToken);
    expect(rare.body).toMatchObject({ total: 3, totalIsExact: true });
    expect(names(rare).sort()).toEqual(['bulk-1', 'bulk-2', 'bulk-3']);
  });
});

describe('GET /api/v1/tags', () => {
  it('suggests the tags in use on the models the caller may read, most used first, with their counts', async () => {
    const secret = `private-${crypto.randomUUID().slice(0, 8)}`;
    expect((await api('/api/v1/models', { method: 'POST', token: otherToken, body: registration({ name: 'tagged-elsewhere', tags: [secret] }) })).status).toBe(201);
    const mine = (await api('/api/v1/tags', { token })).body.items as { tag: string; models: number }[];
    const count = (tag: string) => mine.find((t) => t.tag === tag)?.models;
    // 20 tabular models and 5 vision ones here (other tests' internal models may add some).
    expect(count('tabular')).toBeGreaterThanOrEqual(20);
    expect(count('vision')).toBeGreaterThanOrEqual(5);
    expect(mine.findIndex((t) => t.tag === 'tabular')).toBeLessThan(mine.findIndex((t) => t.tag === 'vision'));
    // Another team's model is not the caller's to read, nor are its tags.
    expect(count(secret)).toBeUndefined();
    const theirs = (await api('/api/v1/tags', { token: otherToken })).body.items as { tag: string; models: number }[];
    expect(theirs.find((t) => t.tag === secret)).toEqual({ tag: secret, models: 1 });
  });
});

import { and, count, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { apiTokens, auditLog, modelVersions, models, teams } from '../../db/schema';
import { createTokenInput } from '../../server/schemas/token';
import { updateVersionInput } from '../../server/schemas/version';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { eksConfig, lambdaConfig, registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { FUZZ_RUNS, expectRefusal, fuzzOptions, pathSegment } from '../helpers/fuzz';
import { signInAs } from '../helpers/session';

// Every write endpoint besides registration (register-fuzz.test.ts) meets at least FUZZ_RUNS
// generated requests: none may answer 5xx, and none answered 4xx may change anything.
let db: Connection;
let team: string;
let contributor: string;
let maintainer: string;
let modelId: string;

beforeAll(async () => {
  ({ db, team, token: contributor } = await appTeam('wfuzz'));
  maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
  const res = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'fuzzed', tags: ['a'], metrics: { auc: 0.9 } }) });
  modelId = res.body.modelId;
});
afterAll(() => db.close());

/** Everything a write to this team could change: its models, versions, tokens and audit records. */
async function teamState() {
  const [teamRow] = await db.db.select().from(teams).where(eq(teams.slug, team));
  const teamId = teamRow!.id;
  const [versionRows, modelRows, [tokens], [audit]] = await Promise.all([
    db.db.select().from(modelVersions).where(eq(modelVersions.teamId, teamId)),
    db.db.select().from(models).where(eq(models.teamId, teamId)),
    db.db.select({ n: count() }).from(apiTokens).where(and(eq(apiTokens.teamId, teamId), isNull(apiTokens.revokedAt))),
    db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.teamId, teamId)),
  ]);
  return JSON.stringify({ versionRows, modelRows, tokens: tokens!.n, audit: audit!.n });
}

const UPDATE_FIELDS = ['description', 'tags', 'metrics', 'deploymentConfig', 'lineage', 'name', 'artifactUri', 'framework', 'team', 'hyperparameters'];

// Valid updates bent: fields replaced by arbitrary JSON, preferences of the other target or with
// wrong values, unknown keys; and arbitrary JSON documents.
const updateBody = fc.oneof(
  fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...UPDATE_FIELDS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
      config: fc.constantFrom(undefined, eksConfig, { ...lambdaConfig, memoryMb: 64 }, { ...lambdaConfig, timeoutSeconds: 901 }, { memoryMb: '1GB' }),
      extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !UPDATE_FIELDS.includes(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    })
    .map(({ replace, config, extra }) => ({ description: 'fuzzed', ...(config ? { deploymentConfig: config } : {}), ...replace, ...extra })),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('PUT /api/v1/models/{modelId}/{version} with generated bodies and paths', () => {
  it('answers 4xx in the error shape, never 5xx, and a refused update changes nothing', async () => {
    let sent = 0;
    let refused = 0;
    const request = fc.oneof(
      { weight: 4, arbitrary: updateBody.map((body) => ({ path: `${modelId}/1.0.0`, body })) },
      { weight: 1, arbitrary: fc.record({ path: fc.tuple(pathSegment([modelId]), pathSegment(['1.0.0', '1.0', 'v1.0.0'])).map(([m, v]) => `${m}/${v}`), body: fc.constant({ description: 'x' }) }) },
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ path, body }) => {
        // Valid bodies for the real version are updates, not refusals: they are not the point here.
        const valid = path === `${modelId}/1.0.0` && updateVersionInput.safeParse({ modelId, version: '1.0.0', ...(body as object) }).success;
        fc.pre(!valid || 'deploymentConfig' in (body as object));
        sent++;
        const before = await teamState();
        const res = await api(`/api/v1/models/${path}`, { method: 'PUT', token: contributor, body });
        expect(res.status, JSON.stringify({ path, body })).toBeLessThan(500);
        if (res.status >= 400) {
          refused++;
          expectRefusal(res, { path, body });
          expect(await teamState(), JSON.stringify({ path, body })).toBe(before);
        }
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(refused).toBeGreaterThan(FUZZ_RUNS * 0.9);
  }, 180_000);
});

describe('DELETE /api/v1/models/{modelId}/{version} with generated paths, bodies and callers', () => {
  it('refuses every one without deregistering anything', async () => {
    const before = await teamState();
    let sent = 0;
    const request = fc.record({
      modelId: fc.oneof(pathSegment([]), fc.constant(modelId), fc.uuid()),
      version: fc.oneof(pathSegment(['1.0.0']), fc.constant('1.0.0'), fc.constant('1.0.1')),
      caller: fc.constantFrom('contributor', 'maintainer'),
      body: fc.option(fc.jsonValue({ maxDepth: 2 })),
      query: fc.option(fc.string({ maxLength: 20 }).map((q) => `?${encodeURIComponent(q)}=1`)),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        // The real version deleted by its maintainer would be a deregistration, not a refusal.
        fc.pre(!(r.modelId === modelId && r.version === '1.0.0' && r.caller === 'maintainer'));
        sent++;
        const token = r.caller === 'maintainer' ? maintainer : contributor;
        const res = await api(`/api/v1/models/${r.modelId}/${r.version}${r.query ?? ''}`, {
          method: 'DELETE',
          token,
          ...(r.body === null ? {} : { body: r.body }),
        });
        expectRefusal(res, r);
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(await teamState()).toBe(before);
  }, 180_000);
});

describe('POST /api/v1/tokens with generated bodies', () => {
  it('refuses a lifetime that is not a JSON number ("30", true, [30]), creating nothing', async () => {
    const cookie = await signInAs(db.db, uniqueSlug('wfuzz-lifetime'), [`mlreg-${team}-viewer`]);
    const before = await teamState();
    for (const expiresInDays of ['30', true, [30]]) {
      const res = await api('/api/v1/tokens', { method: 'POST', headers: { cookie }, body: { name: 'ci', team, scopes: ['read'], expiresInDays } });
      expect(res.status, JSON.stringify(expiresInDays)).toBe(400);
      expect(res.body.error.details.fieldErrors).toHaveProperty('expiresInDays');
    }
    expect(await teamState()).toBe(before);
  });

  it('refuses every body the schema or the person\'s role does not allow, creating nothing', async () => {
    const other = uniqueSlug('wfuzz-other');
    const cookie = await signInAs(db.db, uniqueSlug('wfuzz-viewer'), [`mlreg-${team}-viewer`, `mlreg-${other}-viewer`]);
    const before = await teamState();
    const fields = ['name', 'team', 'scopes', 'role', 'expiresInDays'];
    const body = fc.oneof(
      fc
        .record({
          base: fc.record({
            name: fc.string({ maxLength: 120 }),
            team: fc.constantFrom(team, other, 'Bad Team', '', 'x'),
            scopes: fc.array(fc.constantFrom('read', 'write', 'export', 'admin', ''), { maxLength: 4 }),
            role: fc.constantFrom('viewer', 'contributor', 'maintainer', 'owner', undefined),
            expiresInDays: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double(), fc.constant('90')),
          }),
          replace: fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
          extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !fields.includes(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 1 }),
        })
        .map(({ base, replace, extra }) => ({ ...base, ...replace, ...extra })),
      fc.jsonValue({ maxDepth: 3 }),
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        // A viewer may make read or export tokens as a viewer of their own teams: those succeed.
        const parsed = createTokenInput.safeParse(b);
        fc.pre(!parsed.success || parsed.data.scopes.includes('write') || (parsed.data.role ?? 'viewer') !== 'viewer' || ![team, other].includes(parsed.data.team));
        sent++;
        expectRefusal(await api('/api/v1/tokens', { method: 'POST', headers: { cookie }, body: b }), b);
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(await teamState()).toBe(before);
  }, 180_000);
});

describe('DELETE /api/v1/tokens/{tokenId} with generated ids', () => {
  it('refuses every one, revoking nothing', async () => {
    const cookie = await signInAs(db.db, uniqueSlug('wfuzz-contributor'), [`mlreg-${team}-contributor`]);
    const before = await teamState();
    let sent = 0;
    // Real ids of tokens this person may not revoke (made by others, and they are no maintainer).
    const [someone] = await db.db.select({ id: apiTokens.id }).from(apiTokens).innerJoin(teams, eq(teams.id, apiTokens.teamId)).where(eq(teams.slug, team)).limit(1);
    await fc.assert(
      fc.asyncProperty(fc.oneof(pathSegment([someone!.id]), fc.uuid()), async (tokenId) => {
        sent++;
        expectRefusal(await api(`/api/v1/tokens/${tokenId}`, { method: 'DELETE', headers: { cookie } }), tokenId);
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(await teamState()).toBe(before);
  }, 180_000);
});

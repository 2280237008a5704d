import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, modelVersions, models, teams } from '../../db/schema';
import { registerModelInput } from '../../server/schemas/register';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { eksConfig, registration } from '../helpers/fixtures';
import { FUZZ_RUNS, expectRefusal, fuzzOptions } from '../helpers/fuzz';

let db: Connection;
let team: string;
let token: string;

beforeAll(async () => {
  ({ db, team, token } = await appTeam('fuzz'));
  // One model already there, so the fuzz also meets the "new version" path and duplicates.
  await api('/api/v1/models', { method: 'POST', token, body: registration() });
});
afterAll(() => db.close());

async function teamRows() {
  const [[m], [v], [a]] = await Promise.all([
    db.db.select({ n: count() }).from(models).innerJoin(teams, eq(teams.id, models.teamId)).where(eq(teams.slug, team)),
    db.db.select({ n: count() }).from(modelVersions).innerJoin(teams, eq(teams.id, modelVersions.teamId)).where(eq(teams.slug, team)),
    db.db.select({ n: count() }).from(auditLog).innerJoin(teams, eq(teams.id, auditLog.teamId)).where(eq(teams.slug, team)),
  ]);
  return [m!.n, v!.n, a!.n];
}

const FIELDS = ['name', 'version', 'framework', 'artifactUri', 'deploymentTarget', 'deploymentConfig', 'team', 'description', 'tags', 'metrics', 'hyperparameters', 'lineage'];

// Valid bodies bent in one or more ways: fields dropped, replaced by arbitrary JSON, odd strings,
// unknown keys, preferences of the other target; plus arbitrary JSON documents.
const malformedBody = fc.oneof(
  fc.record({
    drop: fc.subarray(FIELDS),
    replace: fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
    strings: fc.dictionary(fc.constantFrom('name', 'version', 'artifactUri', 'framework', 'deploymentTarget'), fc.string({ maxLength: 140 }), { maxKeys: 3 }),
    extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FIELDS.includes(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    eks: fc.boolean(),
    configPatch: fc.dictionary(fc.constantFrom('memoryMb', 'timeoutSeconds', 'ephemeralStorageMb', 'architecture', 'cpu', 'minReplicas', 'gpu'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  }).map(({ drop, replace, strings, extra, eks, configPatch }) => {
    const body: Record<string, unknown> = registration({
      version: '1.0.0',
      // With `eks`, EKS preferences under the LAMBDA target.
      deploymentConfig: { ...(eks ? eksConfig : {}), memoryMb: 1024, timeoutSeconds: 10, ...configPatch },
    });
    for (const f of drop) delete body[f];
    return { ...body, ...replace, ...strings, ...extra };
  }),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('POST /api/v1/models with generated malformed bodies', () => {
  it('answers every one with a 4xx in the error shape and changes nothing', async () => {
    const before = await teamRows();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(malformedBody, async (body) => {
        // Keep only bodies the schema refuses, or that would duplicate the existing version.
        const parsed = registerModelInput.safeParse(body);
        fc.pre(!parsed.success || (parsed.data.name === 'fraud-detector' && parsed.data.version === '1.0.0' && !parsed.data.team));
        sent++;
        expectRefusal(await api('/api/v1/models', { method: 'POST', token, body }), body);
      }),
      fuzzOptions,
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(await teamRows()).toEqual(before);
  }, 120_000);
});

import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelVersions } from '../../db/schema';
import { nextChange } from '../../server/services/versions/change';
import { freshDatabase } from '../helpers/database';
import { eksConfig, registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { idsOf, ragExport } from '../helpers/rag';
import { signInAs } from '../helpers/session';
import { startNextServer } from '../setup/next-server';

// A server and database of this file's own: exports are compared with the whole database, and
// "nothing changed" must mean no other test wrote in between.
let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: Awaited<ReturnType<typeof startNextServer>>;
const teamA = uniqueSlug('rag-a');
const teamB = uniqueSlug('rag-b');
const tokens: Record<'writerA' | 'maintainerA' | 'exporterA' | 'readerA' | 'writerB', string> = {} as never;
const versions: Record<string, { modelId: string; versionId: string }> = {};

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function register(key: string, token: string, overrides: Record<string, unknown>) {
  const res = await call('POST', '/models', token, registration(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  versions[key] = { modelId: res.body.modelId, versionId: res.body.versionId };
}

const exportAs = (token: string, query: Record<string, string> = {}) => ragExport(server.url, { token }, query);

beforeAll(async () => {
  database = await freshDatabase();
  server = await startNextServer(
    { DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...inject('signInEnv') },
    `${process.cwd()}/.test-data/rag-export.log`,
  );
  const db = database.db;
  tokens.writerA = await tokenFor(db, teamA);
  tokens.maintainerA = await tokenFor(db, teamA, { scopes: ['read', 'write'], role: 'maintainer' });
  tokens.exporterA = await tokenFor(db, teamA, { scopes: ['export'] });
  tokens.readerA = await tokenFor(db, teamA, { scopes: ['read'] });
  tokens.writerB = await tokenFor(db, teamB);
  await register('fraud 1.0.0', tokens.writerA, { name: 'fraud', version: '1.0.0', description: 'Scores card payments for fraud', tags: ['payments'], metrics: { auc: 0.94 }, lineage: { datasets: ['s3://data/tx/2026-10'], commitSha: 'abc1234' } });
  await register('fraud 1.1.0', tokens.writerA, { name: 'fraud', version: '1.1.0', deploymentTarget: 'EKS', deploymentConfig: eksConfig, lineage: { parentVersion: '1.0.0' } });
  await register('churn 1.0.0', tokens.writerA, { name: 'churn', version: '1.0.0' });
  await register('secret 1.0.0', tokens.writerB, { name: 'secret-model', version: '1.0.0', description: 'Team B only' });
});
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

describe('the full RAG export', () => {
  it('is exactly the live versions the caller may read, as model cards with typed metadata', async () => {
    const full = await exportAs(tokens.exporterA);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toContain('application/x-ndjson');
    expect(idsOf(full.documents, 'upsert')).toEqual(
      [versions['fraud 1.0.0']!, versions['fraud 1.1.0']!, versions['churn 1.0.0']!].map((v) => v.versionId).sort(),
    );
    expect(full.documents.every((d) => d.op === 'upsert')).toBe(true);

    const fraud = full.documents.find((d) => d.op === 'upsert' && d.versionId === versions['fraud 1.0.0']!.versionId);
    expect(fraud).toMatchObject({
      id: `model-version:${versions['fraud 1.0.0']!.versionId}`,
      modelId: versions['fraud 1.0.0']!.modelId,
      title: `fraud 1.0.0 (${teamA})`,
      metadata: { team: teamA, model: 'fraud', version: '1.0.0', framework: 'xgboost', deploymentTarget: 'LAMBDA', state: 'draft', tags: ['payments'], metrics: { auc: 0.94 } },
    });
    if (fraud?.op !== 'upsert') throw new Error('unreachable');
    expect(fraud.url).toMatch(new RegExp(`/models/${fraud.modelId}/versions/1\\.0\\.0$`));
    for (const fact of ['# fraud 1.0.0', 'Scores card payments for fraud', 'AWS Lambda', 'memoryMb: 2048', 'auc: 0.94', 'commit: abc1234', 's3://data/tx/2026-10', fraud.url]) {
      expect(fraud.text).toContain(fact);
    }
    const child = full.documents.find((d) => d.op === 'upsert' && d.versionId === versions['fraud 1.1.0']!.versionId);
    expect(child?.op === 'upsert' && child.text).toContain('parent version: 1.0.0');
  });

  it('never contains another team, and an admin sees every team', async () => {
    const b = await exportAs(await tokenFor(database.db, teamB, { scopes: ['export'] }));
    expect(idsOf(b.documents, 'upsert')).toEqual([versions['secret 1.0.0']!.versionId]);

    const admin = await ragExport(server.url, { cookie: await signInAs(database.db, 'rag-admin', ['mlreg-admins']) });
    expect(idsOf(admin.documents, 'upsert')).toEqual(Object.values(versions).map((v) => v.versionId).sort());
  });

  it('filters by team, deployment target and state', async () => {
    const eks = await exportAs(tokens.exporterA, { deploymentTarget: 'EKS' });
    expect(idsOf(eks.documents, 'upsert')).toEqual([versions['fraud 1.1.0']!.versionId]);
    const production = await exportAs(tokens.exporterA, { state: 'production' });
    expect(production.documents).toEqual([]);
    const ownTeam = await exportAs(tokens.exporterA, { team: teamA });
    expect(ownTeam.documents).toHaveLength(3);
    const otherTeam = await exportAs(tokens.exporterA, { team: teamB });
    expect(otherTeam.status).toBe(404);
  });

  it('needs the export scope or a signed-in person, and refuses bad queries with per-field errors', async () => {
    expect((await exportAs(tokens.readerA)).status).toBe(403);
    expect((await ragExport(server.url, {})).status).toBe(401);
    const bad = await exportAs(tokens.exporterA, { deploymentTarget: 'GKE', color: 'red' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error!.details!.fieldErrors!).sort()).toEqual(['color', 'deploymentTarget']);
  });

  it('publishes the schema of its lines, also in the OpenAPI document', async () => {
    const schema = await (await fetch(`${server.url}/api/v1/export/rag/schema`)).json();
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['RagUpsert', 'RagDelete', 'RagEnd', 'RagMetadata']));
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(openapi.paths['/export/rag'].get.responses['200'].content['application/x-ndjson'].schema.$ref).toBe('#/components/schemas/RagExportLine');
    expect(openapi.components.schemas.RagUpsert.properties.metadata.$ref).toBe('#/components/schemas/RagMetadata');
  });
});

describe('incremental RAG export', () => {
  it('returns nothing when nothing changed', async () => {
    const full = await exportAs(tokens.exporterA);
    const again = await exportAs(tokens.exporterA, { since: full.cursor! });
    expect(again.documents).toEqual([]);
    expect(again.cursor).toBeTruthy();
  });

  it('sends updates, new versions and deregistrations after the cursor, and nothing of other teams', async () => {
    const { cursor } = await exportAs(tokens.exporterA);
    const fraud = versions['fraud 1.0.0']!;
    expect((await call('PUT', `/models/${fraud.modelId}/1.0.0`, tokens.writerA, { tags: ['payments', 'eu'] })).status).toBe(200);
    expect((await call('DELETE', `/models/${versions['churn 1.0.0']!.modelId}/1.0.0`, tokens.maintainerA)).status).toBe(204);
    await register('fraud 1.2.0', tokens.writerA, { name: 'fraud', version: '1.2.0' });
    await register('secret 1.1.0', tokens.writerB, { name: 'secret-model', version: '1.1.0' });

    const changes = await exportAs(tokens.exporterA, { since: cursor! });
    expect(idsOf(changes.documents, 'upsert')).toEqual([fraud.versionId, versions['fraud 1.2.0']!.versionId].sort());
    expect(changes.documents.filter((d) => d.op === 'delete')).toEqual([
      expect.objectContaining({ versionId: versions['churn 1.0.0']!.versionId, reason: 'deregistered' }),
    ]);
    const updated = changes.documents.find((d) => d.op === 'upsert' && d.versionId === fraud.versionId);
    expect(updated?.op === 'upsert' && updated.metadata.tags).toEqual(['payments', 'eu']);

    // Every line's own cursor resumes after it.
    const [first] = changes.documents;
    const resumed = await exportAs(tokens.exporterA, { since: first!.op === 'end' ? '' : first!.cursor });
    expect(resumed.documents.map((d) => d.op !== 'end' && d.versionId)).toEqual(changes.documents.slice(1).map((d) => d.op !== 'end' && d.versionId));

    expect((await exportAs(tokens.exporterA, { since: changes.cursor! })).documents).toEqual([]);
  });

  it('sends a version again when an alias moves to or from it or an evaluation is recorded, with those facts', async () => {
    const a = versions['fraud 1.0.0']!;
    const b = versions['fraud 1.1.0']!;
    const { cursor } = await exportAs(tokens.exporterA);
    expect((await call('PUT', `/models/${a.modelId}/aliases/candidate`, tokens.writerA, { version: '1.0.0' })).status).toBe(200);
    const first = await exportAs(tokens.exporterA, { since: cursor! });
    expect(idsOf(first.documents, 'upsert')).toEqual([a.versionId]);
    const doc = first.documents[0]!;
    expect(doc.op === 'upsert' && doc.metadata.aliases).toEqual(['candidate']);
    expect(doc.op === 'upsert' && doc.text).toContain('- aliases: @candidate');

    expect((await call('PUT', `/models/${a.modelId}/aliases/candidate`, tokens.writerA, { version: '1.1.0' })).status).toBe(200);
    expect((await call('POST', `/models/${b.modelId}/1.1.0/evaluations`, tokens.writerA, { suite: 'safety', metrics: { safety: { toxicity: 0.2 } }, thresholds: { 'safety.toxicity': { max: 0.1 } } })).status).toBe(201);
    const moved = await exportAs(tokens.exporterA, { since: first.cursor! });
    expect(idsOf(moved.documents, 'upsert')).toEqual([a.versionId, b.versionId].sort());
    const byId = new Map(moved.documents.map((d) => [d.op !== 'end' && d.versionId, d]));
    const left = byId.get(a.versionId)!;
    const arrived = byId.get(b.versionId)!;
    expect(left.op === 'upsert' && left.metadata.aliases).toEqual([]);
    expect(arrived.op === 'upsert' && arrived.metadata).toMatchObject({ aliases: ['candidate'], evaluations: [{ suite: 'safety', passed: false }] });
    expect(arrived.op === 'upsert' && arrived.text).toContain('- evaluations: safety failed');
  });

  it('deletes versions that stop matching the filters', async () => {
    const { cursor } = await exportAs(tokens.exporterA, { state: 'draft' });
    // The lifecycle issue will move states through procedures; here the row moves as they will.
    const target = versions['fraud 1.1.0']!;
    await database.db.update(modelVersions).set({ state: 'staging', ...nextChange() }).where(eq(modelVersions.id, target.versionId));
    const changes = await exportAs(tokens.exporterA, { since: cursor!, state: 'draft' });
    expect(changes.documents).toEqual([expect.objectContaining({ op: 'delete', versionId: target.versionId, reason: 'no_longer_matches' })]);
    const staging = await exportAs(tokens.exporterA, { state: 'staging' });
    expect(idsOf(staging.documents, 'upsert')).toEqual([target.versionId]);
  });

  it('loses no change whose transaction commits after a later change was exported', async () => {
    const { cursor } = await exportAs(tokens.exporterA);
    const late = versions['fraud 1.1.0']!;
    const early = versions['fraud 1.0.0']!;
    let release!: () => void;
    let written!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // Takes its change number first, commits last.
    const slow = database.db.transaction(async (tx) => {
      await tx.update(modelVersions).set({ description: 'committed late', ...nextChange() }).where(eq(modelVersions.id, late.versionId));
      written();
      await gate;
    });
    await wrote;
    expect((await call('PUT', `/models/${early.modelId}/1.0.0`, tokens.writerA, { description: 'committed early' })).status).toBe(200);

    const during = await exportAs(tokens.exporterA, { since: cursor! });
    expect(idsOf(during.documents, 'upsert')).toEqual([early.versionId]);
    release();
    await slow;
    const after = await exportAs(tokens.exporterA, { since: during.cursor! });
    expect(idsOf(after.documents, 'upsert')).toContain(late.versionId);
    const lateDoc = after.documents.find((d) => d.op === 'upsert' && d.versionId === late.versionId);
    expect(lateDoc?.op === 'upsert' && lateDoc.text).toContain('committed late');
  });

  it("deletes a team's documents when the person loses the team, and sends them all when they gain it", async () => {
    const subject = `rag-person-${teamA}`;
    const both = await signInAs(database.db, subject, [`mlreg-${teamA}-viewer`, `mlreg-${teamB}-viewer`]);
    const before = await ragExport(server.url, { cookie: both });
    const liveB = [versions['secret 1.0.0']!.versionId, versions['secret 1.1.0']!.versionId].sort();
    expect(idsOf(before.documents, 'upsert')).toEqual(expect.arrayContaining(liveB));

    const onlyA = await signInAs(database.db, subject, [`mlreg-${teamA}-viewer`]);
    const lost = await ragExport(server.url, { cookie: onlyA }, { since: before.cursor! });
    expect(lost.documents).toEqual(liveB.map((versionId) => expect.objectContaining({ op: 'delete', versionId, reason: 'no_longer_visible' })));
    expect(idsOf((await ragExport(server.url, { cookie: onlyA }, { since: lost.cursor! })).documents, 'upsert')).toEqual([]);

    const again = await signInAs(database.db, subject, [`mlreg-${teamA}-viewer`, `mlreg-${teamB}-viewer`]);
    const gained = await ragExport(server.url, { cookie: again }, { since: lost.cursor! });
    expect(idsOf(gained.documents, 'upsert')).toEqual(liveB);
  });

  it('refuses a malformed, altered or mismatched cursor with 400', async () => {
    const { cursor } = await exportAs(tokens.exporterA);
    const parts = cursor!.split('.');
    // Claiming every team (as if once an admin), with the signature of the real claim.
    const forged = [...parts.slice(0, 2), 'all', ...parts.slice(3)].join('.');
    const unsigned = [...parts.slice(0, 4), ''].join('.');
    for (const since of ['not-a-cursor', forged, unsigned]) {
      const res = await exportAs(tokens.exporterA, { since });
      expect(res.status, since).toBe(400);
      expect(res.error!.details!.fieldErrors!.since).toBeDefined();
    }
    const otherFilters = await exportAs(tokens.exporterA, { since: cursor!, deploymentTarget: 'EKS' });
    expect(otherFilters.status).toBe(400);
    expect(otherFilters.error!.message).toContain('other filters');
  });

  it("refuses another caller's cursor, even of the same team and filters", async () => {
    const { cursor } = await exportAs(tokens.exporterA);
    const sameTeam = await tokenFor(database.db, teamA, { scopes: ['export'] });
    const replayed = await exportAs(sameTeam, { since: cursor! });
    expect(replayed.status).toBe(400);
    expect(replayed.error!.details!.fieldErrors!.since![0]).toContain('issued to these credentials');
    expect(replayed.documents).toEqual([]);
    expect((await exportAs(tokens.exporterA, { since: cursor! })).status).toBe(200);
  });
});

describe('where versions are deployed', () => {
  it('sends every version whose share of traffic changed, telling where it serves', async () => {
    const a = versions['fraud 1.0.0']!;
    const b = versions['fraud 1.1.0']!;
    // Both approved for staging, as the governance tests get them there.
    await database.db.update(modelVersions).set({ state: 'staging', ...nextChange() }).where(inArray(modelVersions.id, [a.versionId, b.versionId]));
    const pipeline = await tokenFor(database.db, teamA, { scopes: ['deploy'] });
    const ship = async (version: string, trafficPercent: number) => {
      const deployed = await call('POST', `/models/${a.modelId}/${version}/deploy`, tokens.writerA, { environment: 'staging', trafficPercent });
      expect(deployed.status, JSON.stringify(deployed.body)).toBe(202);
      expect((await call('POST', `/deployments/${deployed.body.deploymentId}/events`, pipeline, { status: 'succeeded', endpoint: 'https://fraud.staging.internal' })).status).toBe(200);
    };
    await ship('1.0.0', 100);
    const { cursor } = await exportAs(tokens.exporterA);
    await ship('1.1.0', 20);
    const changes = await exportAs(tokens.exporterA, { since: cursor! });
    expect(idsOf(changes.documents, 'upsert')).toEqual([a.versionId, b.versionId].sort());
    const byId = new Map(changes.documents.map((d) => [d.op !== 'end' && d.versionId, d]));
    const old = byId.get(a.versionId)!;
    expect(old.op === 'upsert' && old.metadata.servingIn).toEqual([{ environment: 'staging', percent: 80, since: expect.any(String) }]);
    expect(old.op === 'upsert' && old.text).toMatch(/- deployed in: staging \(80% of traffic since \d{4}-\d{2}-\d{2}\)/);
    const canary = byId.get(b.versionId)!;
    expect(canary.op === 'upsert' && canary.metadata).toMatchObject({ servingIn: [{ environment: 'staging', percent: 20 }], deploymentStatus: 'succeeded' });
  });
});

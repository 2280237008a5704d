import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/client';
import { auditLog, modelVersions, models } from '../../db/schema';
import { api } from '../helpers/api';
import { appTeam } from '../helpers/database';
import { registration } from '../helpers/fixtures';

let db: Connection;
let token: string;

beforeAll(async () => {
  ({ db, token } = await appTeam('val'));
});
afterAll(() => db.close());

const register = (body: unknown) => api('/api/v1/models', { method: 'POST', token, body });

async function rowCounts() {
  const [[m], [v], [a]] = await Promise.all([
    db.db.select({ n: count() }).from(models),
    db.db.select({ n: count() }).from(modelVersions),
    db.db.select({ n: count() }).from(auditLog),
  ]);
  return { models: m!.n, versions: v!.n, audit: a!.n };
}

/** Registers an invalid body and returns its field errors, checking the shape on the way. */
async function fieldErrors(body: unknown): Promise<Record<string, string[]>> {
  const res = await register(body);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.traceId).toBe(res.headers.get('x-correlation-id'));
  return res.body.error.details.fieldErrors;
}

describe('registration validation', () => {
  it('names every missing required field', async () => {
    const errors = await fieldErrors({});
    for (const field of ['name', 'version', 'framework', 'artifactUri', 'deploymentTarget', 'deploymentConfig']) {
      expect(errors[field], field).toEqual(['Required']);
    }
  });

  it.each([
    ['x', 'at least 2'],
    ['a'.repeat(129), 'at most 128'],
    ['has space', 'letters, digits'],
    ['slash/name', 'letters, digits'],
  ])('refuses the name %j', async (name, message) => {
    const errors = await fieldErrors(registration({ name }));
    expect(errors.name?.[0]).toContain(message);
  });

  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0+', '1.0.0-01', ' 1.0.0'])('refuses the version %j', async (version) => {
    const errors = await fieldErrors(registration({ version }));
    expect(errors.version?.[0]).toContain('SemVer 2.0.0');
  });

  it('accepts pre-release and build metadata', async () => {
    const res = await register(registration({ name: 'semver-ok', version: '2.0.0-rc.1+build.5' }));
    expect(res.status).toBe(201);
  });

  it('lists the allowed frameworks in the message', async () => {
    const errors = await fieldErrors(registration({ framework: 'caffe' }));
    expect(errors.framework?.[0]).toBe(
      'must be one of: pytorch, tensorflow, keras, scikit-learn, xgboost, lightgbm, catboost, onnx, transformers, jax, spark-mllib, custom',
    );
  });

  it.each([
    ['https://bucket/key', 's3://bucket/key'],
    ['s3://bucket', 's3://bucket/key'],
    ['s3://bucket/', 'key must not be empty'],
    ['s3://Bucket/key', 'lowercase'],
    ['s3://ab/key', '3-63'],
    ['s3://my..bucket/key', 'adjacent periods'],
    ['s3://-bucket/key', 'begin and end'],
    ['s3://192.168.1.1/key', 'IP address'],
    ['s3://xn--bucket/key', 'reserved prefix'],
    ['s3://bucket-s3alias/key', 'reserved suffix'],
  ])('refuses the artifact location %j', async (artifactUri, message) => {
    const errors = await fieldErrors(registration({ artifactUri }));
    expect(errors.artifactUri?.join(' ')).toContain(message);
  });

  it.each([
    [{ memoryMb: 127, timeoutSeconds: 30 }, 'deploymentConfig.memoryMb', 'between 128 and 10,240'],
    [{ memoryMb: 10_241, timeoutSeconds: 30 }, 'deploymentConfig.memoryMb', 'between 128 and 10,240'],
    [{ memoryMb: 512, timeoutSeconds: 0 }, 'deploymentConfig.timeoutSeconds', 'between 1 and 900'],
    [{ memoryMb: 512, timeoutSeconds: 901 }, 'deploymentConfig.timeoutSeconds', 'between 1 and 900'],
    [{ memoryMb: 512, timeoutSeconds: 3, ephemeralStorageMb: 511 }, 'deploymentConfig.ephemeralStorageMb', '512 and 10,240'],
    [{ memoryMb: 512, timeoutSeconds: 3, architecture: 'arm' }, 'deploymentConfig.architecture', 'x86_64, arm64'],
    [{ memoryMb: 512.5, timeoutSeconds: 3 }, 'deploymentConfig.memoryMb', 'whole number'],
    [{ memoryMb: 512, timeoutSeconds: 3, replicas: 2 }, 'deploymentConfig.replicas', 'unknown field'],
  ])('checks Lambda preferences against Lambda limits: %j', async (deploymentConfig, field, message) => {
    const errors = await fieldErrors(registration({ deploymentConfig }));
    expect(errors[field]?.[0]).toContain(message);
  });

  it.each([
    [{ minReplicas: 0, maxReplicas: 2, cpu: '1', memoryMiB: 512 }, 'deploymentConfig.minReplicas', 'between 1 and 100'],
    [{ minReplicas: 3, maxReplicas: 2, cpu: '1', memoryMiB: 512 }, 'deploymentConfig.maxReplicas', 'at least min replicas'],
    [{ minReplicas: 1, maxReplicas: 2, cpu: 'lots', memoryMiB: 512 }, 'deploymentConfig.cpu', 'Kubernetes CPU quantity'],
    [{ minReplicas: 1, maxReplicas: 2, cpu: '5m', memoryMiB: 512 }, 'deploymentConfig.cpu', 'between 10m and 96'],
    [{ minReplicas: 1, maxReplicas: 2, cpu: '1', memoryMiB: 64 }, 'deploymentConfig.memoryMiB', 'between 128'],
    [{ minReplicas: 1, maxReplicas: 2, cpu: '1', memoryMiB: 512, gpu: { type: 'tpu', count: 1 } }, 'deploymentConfig.gpu.type', 'nvidia-t4'],
    [{ minReplicas: 1, maxReplicas: 2, cpu: '1', memoryMiB: 512, gpu: { type: 'nvidia-t4', count: 9 } }, 'deploymentConfig.gpu.count', 'between 1 and 8'],
  ])('checks EKS preferences: %j', async (deploymentConfig, field, message) => {
    const errors = await fieldErrors(registration({ deploymentTarget: 'EKS', deploymentConfig }));
    expect(errors[field]?.[0]).toContain(message);
  });

  it('checks the preferences against the chosen target, not the other one', async () => {
    const errors = await fieldErrors(registration({ deploymentTarget: 'EKS' }));
    expect(errors['deploymentConfig.memoryMb']).toEqual(['unknown field "memoryMb"']);
    expect(errors['deploymentConfig.cpu']).toEqual(['Required']);
  });

  it('refuses an unknown target and unknown fields by name', async () => {
    const errors = await fieldErrors(registration({ deploymentTarget: 'ECS', owner: 'me', stage: 'prod' }));
    expect(errors.deploymentTarget).toEqual(['must be one of: EKS, LAMBDA']);
    expect(errors.owner).toEqual(['unknown field "owner"']);
    expect(errors.stage).toEqual(['unknown field "stage"']);
  });

  it('reports problems in every field at once, alongside wrong preferences', async () => {
    const errors = await fieldErrors(registration({ name: '!', version: 'x', deploymentConfig: { memoryMb: 1, timeoutSeconds: 1 } }));
    expect(Object.keys(errors).sort()).toEqual(['deploymentConfig.memoryMb', 'name', 'version']);
  });

  it('answers 400 for malformed JSON and 415 for another media type', async () => {
    const malformed = await api('/api/v1/models', { method: 'POST', token, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    const text = await api('/api/v1/models', { method: 'POST', token, rawBody: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over 1 MB with 413, declared or streamed', async () => {
    const big = registration({ name: 'big', description: 'x'.repeat(1024 * 1024) });
    const declared = await register(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const { inject } = await import('vitest');
    const streamed = await fetch(`${inject('appUrl')}/api/v1/models`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses NUL characters, which Postgres cannot store, in any field, key or query', async () => {
    const errors = await fieldErrors(registration({ name: 'nul-check', description: 'a\u0000b', metrics: { 'au\u0000c': 1 } }));
    expect(errors.description).toEqual(['must not contain the NUL character (\\u0000)']);
    expect(Object.keys(errors)).toContain('metrics.au\\u0000c');
    const search = await api(`/api/v1/models?q=${encodeURIComponent('x\u0000y')}`, { token });
    expect(search.status).toBe(400);
    expect(search.body.error.details.fieldErrors.q).toBeDefined();
  });

  it('changes nothing when the input is invalid', async () => {
    const before = await rowCounts();
    await register(registration({ name: 'nothing-changes', version: 'bad' }));
    await register(registration({ name: 'nothing-changes', deploymentConfig: { memoryMb: 1 } }));
    await register(registration({ name: 'nothing-changes', extra: true }));
    expect(await rowCounts()).toEqual(before);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { freePort } from '../setup/postgres';
import { signInAs } from '../helpers/session';
import { eventually } from '../helpers/webhook-receiver';

// Seed 002 task 6.3, end to end: register → submit → approve → deploy → the pipeline's events →
// history, with the example pipeline (scripts/examples/deploy-pipeline.ts) as a team would run it.
let db: Connection;
let pipeline: ChildProcess;
let output = '';

afterAll(async () => {
  pipeline?.kill('SIGTERM');
  await db?.close();
});

describe('register → deploy → track', () => {
  let team: string;
  let contributor: string;
  let mia: { headers: Record<string, string> };

  beforeAll(async () => {
    db = await appDatabase();
    team = uniqueSlug('loop');
    contributor = await tokenFor(db.db, team);
    const maintainer = await tokenFor(db.db, team, { role: 'maintainer' });
    mia = { headers: { cookie: await signInAs(db.db, uniqueSlug('mia'), [`mlreg-${team}-maintainer`]) } };
    expect((await api(`/api/v1/teams/${team}/policy`, { method: 'PUT', ...mia, body: { document: { states: { approved_staging: { approvals: 1 } } } } })).status).toBe(200);

    const port = await freePort();
    const hook = await api('/api/v1/webhooks', { method: 'POST', token: maintainer, body: { url: `http://127.0.0.1:${port}/hook`, eventTypes: ['deployment.requested'], description: 'deploy pipeline' } });
    expect(hook.status).toBe(201);
    pipeline = spawn(process.execPath, ['--import', 'tsx', 'scripts/examples/deploy-pipeline.ts'], {
      env: { ...process.env, PIPELINE_PORT: String(port), WEBHOOK_SECRET: hook.body.secret, REGISTRY_URL: inject('appUrl'), REGISTRY_TOKEN: await tokenFor(db.db, team, { scopes: ['deploy'] }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pipeline.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    pipeline.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await eventually(() => output.includes('listening'), 'the pipeline to listen');
  });

  it('runs the loop through the example pipeline and reads where the version runs', async () => {
    const registered = await api('/api/v1/models', { method: 'POST', token: contributor, body: registration({ name: 'loop-model', team, version: '1.0.0' }) });
    expect(registered.status).toBe(201);
    const base = `/api/v1/models/${registered.body.modelId}/1.0.0`;
    expect((await api(`${base}/reviews`, { method: 'POST', token: contributor, body: { environment: 'staging' } })).status).toBe(201);
    expect((await api(`${base}/decisions`, { method: 'POST', ...mia, body: { decision: 'approve' } })).body.state).toBe('approved_staging');
    const deploy = await api(`${base}/deploy`, { method: 'POST', token: contributor, body: { environment: 'staging', reason: 'first staging run' } });
    expect(deploy.status).toBe(202);

    const done = await eventually(async () => {
      const d = (await api(`/api/v1/deployments/${deploy.body.deploymentId}`, { token: contributor })).body;
      return d.status === 'succeeded' && d;
    }, 'the pipeline to report success');
    expect(done.events.map((e: { status: string; progress: number | null }) => [e.status, e.progress])).toEqual([
      ['requested', null],
      ['in_progress', 0],
      ['in_progress', 50],
      ['in_progress', 100],
      ['succeeded', null],
    ]);
    expect(done.endpoint).toBe('arn:aws:lambda:eu-west-1:123456789012:function:loop-model-1-0-0:staging');
    expect(output).toContain('aws lambda create-function --function-name loop-model-1-0-0 --memory-size 2048');
    expect(done.events[4].reportedBy.kind).toBe('token');

    const history = await api(`/api/v1/models/${registered.body.modelId}/deployments?environment=staging`, { token: contributor });
    expect(history.body.environments[0].serving).toEqual([expect.objectContaining({ version: '1.0.0', percent: 100, to: null, reason: 'first staging run' })]);
    const version = await api(base, { token: contributor });
    expect(version.body.deploymentStatus).toBe('succeeded');
  });
});

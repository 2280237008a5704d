import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { gotoInteractive, launchBrowser, screenshot, signedInPage } from '../helpers/browser';
import { appDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { signInAs } from '../helpers/session';
import { eventually, startReceiver } from '../helpers/webhook-receiver';

const appUrl = inject('appUrl');
let browser: Browser;
let db: Connection;
let modelId = '';
let pipeline = '';
const name = `deploy-e2e-${crypto.randomUUID().slice(0, 6)}`;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const pageFor = (subject: string, width = 1280) => signedInPage(browser, appUrl, subject, width);

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

beforeAll(async () => {
  browser = await launchBrowser();
  db = await appDatabase();
  receiver = await startReceiver();
  const token = await tokenFor(db.db, 'fraud');
  pipeline = await tokenFor(db.db, 'fraud', { scopes: ['deploy'] });
  const res = await api('/api/v1/models', { method: 'POST', token, body: registration({ name, team: 'fraud' }) });
  modelId = res.body.modelId;
  const base = `/api/v1/models/${modelId}/1.0.0`;
  await api(`${base}/artifacts`, { method: 'POST', token, body: { type: 'weights', uri: `s3://ml-models/fraud/${name}/model.tar.gz`, sha256: 'c'.repeat(64) } });
  await api(`${base}/reviews`, { method: 'POST', token, body: { environment: 'staging' } });
  const reviewer = await signInAs(db.db, uniqueSlug('reviewer'), ['mlreg-fraud-maintainer']);
  expect((await api(`${base}/decisions`, { method: 'POST', headers: { cookie: reviewer }, body: { decision: 'approve' } })).body.state).toBe('approved_staging');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await db?.close();
});

describe('deployments in the portal', () => {
  it('a contributor deploys from the version page, the pipeline reports, and the model page shows what serves staging', async () => {
    const carl = await pageFor('demo-contributor');
    await gotoInteractive(carl, `${appUrl}/models/${modelId}/versions/1.0.0`);
    const deployment = section(carl, 'Deployment');
    expect(await deployment.textContent()).toContain('Nothing deployed to staging');
    // A contributor may deploy to staging only; production is the maintainers'.
    expect(await deployment.getByLabel('Environment').locator('option').allTextContents()).toEqual(['staging']);
    await deployment.getByLabel('Reason').fill('soak test before the launch');
    await deployment.getByRole('button', { name: 'Deploy' }).click();
    // The request is a server action and a fresh page: slow when the machine is busy.
    await expect.poll(() => deployment.textContent(), { timeout: 15_000 }).toContain('requested');
    // A second request while the first is at work is refused, in words.
    await deployment.getByRole('button', { name: 'Deploy' }).click();
    await expect.poll(() => deployment.getByRole('alert').textContent()).toContain('still at work');

    const history = (await api(`/api/v1/models/${modelId}/deployments`, { token: await tokenFor(db.db, 'fraud', { scopes: ['read'] }) })).body;
    const id = history.deployments[0].id;
    for (const report of [{ status: 'in_progress', progress: 50, message: 'rolling out' }, { status: 'succeeded', endpoint: `arn:aws:lambda:eu-west-1:1:function:${name}` }]) {
      expect((await api(`/api/v1/deployments/${id}/events`, { method: 'POST', token: pipeline, body: report })).status).toBe(200);
    }
    await gotoInteractive(carl, `${appUrl}/models/${modelId}`);
    const deployments = section(carl, 'Deployments');
    expect(await deployments.getByRole('img', { name: /^staging traffic/ }).getAttribute('aria-label')).toBe('staging traffic: 1.0.0 100%');
    const text = await deployments.textContent();
    expect(text).toContain('Carl Contributor — soak test before the launch');
    expect(text).toContain('succeeded');
    await deployments.locator('summary', { hasText: 'soak test before the launch' }).click();
    await expect.poll(() => deployments.textContent()).toContain(`arn:aws:lambda:eu-west-1:1:function:${name}`);
    await screenshot(carl, 'deployments-model');
    const phone = await pageFor('demo-contributor', 390);
    await gotoInteractive(phone, `${appUrl}/models/${modelId}/versions/1.0.0`);
    await section(phone, 'Deployment').scrollIntoViewIfNeeded();
    await screenshot(phone, 'deployments-version-phone');
  });

  it('a maintainer adds a webhook, sees its secret once, sends a test event and reads the delivery log', async () => {
    const mia = await pageFor('demo-maintainer');
    await gotoInteractive(mia, `${appUrl}/webhooks`);
    const form = mia.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Endpoint URL').fill('https://10.0.0.1/hook');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => form.textContent()).toContain('must not point at a private address (10.0.0.1)');
    expect(await form.getByLabel('Endpoint URL').inputValue()).toBe('https://10.0.0.1/hook'); // kept
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Description').fill('release notes bot');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => form.textContent()).toMatch(/Signing secret — copy it now, it is not shown again: whsec_/);

    const card = mia.getByRole('region', { name: `Webhook ${receiver.url}` });
    await card.getByRole('button', { name: 'Send test event' }).click();
    await eventually(() => receiver.received.some((r) => r.event.type === 'webhook.test'), 'the test event');
    await expect
      .poll(async () => {
        await mia.reload();
        return card.getByRole('region', { name: `Deliveries to ${receiver.url}` }).textContent();
      })
      .toMatch(/webhook\.test \(test\)succeeded200/);
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    await expect.poll(() => card.textContent()).toMatch(/Copy it now, it is not shown again: whsec_/);
    await screenshot(mia, 'webhooks');
  });
});

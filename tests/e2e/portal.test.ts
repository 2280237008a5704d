import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { appDatabase } from '../helpers/database';
import { expectAccessible, gotoInteractive, launchBrowser, screenshot, signedInPage } from '../helpers/browser';
import { lambdaConfig, registration, tokenFor } from '../helpers/fixtures';

const appUrl = inject('appUrl');
const name = `e2e-${crypto.randomUUID().slice(0, 6)}`;
let browser: Browser;
let db: Connection;
let maintainer: Page;
let modelUrl = '';

const pageFor = (subject: string, width = 1280) => signedInPage(browser, appUrl, subject, width);

beforeAll(async () => {
  browser = await launchBrowser();
  db = await appDatabase();
  // A dozen other models of the team, so the catalog has pages.
  const token = await tokenFor(db.db, 'fraud');
  for (let i = 0; i < 12; i++) {
    await fetch(`${appUrl}/api/v1/models`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(registration({ name: `${name}-filler-${String(i).padStart(2, '0')}`, deploymentConfig: lambdaConfig })),
    });
  }
  maintainer = await pageFor('demo-maintainer');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

describe('the portal', () => {
  it('shows field errors from the schema before sending', async () => {
    await gotoInteractive(maintainer, `${appUrl}/models/new`);
    await maintainer.getByRole('button', { name: 'Register' }).click();
    // The form's action runs in a transition: its errors render a moment after the click.
    for (const label of ['Name', 'Version', 'Framework', 'Artifact location', 'Memory (MB)', 'Timeout (s)']) {
      await expect.poll(() => maintainer.getByLabel(label, { exact: true }).getAttribute('aria-invalid'), { message: label }).toBe('true');
    }
    expect(await maintainer.locator('#name-error').textContent()).toBe('Required');
    await screenshot(maintainer, 'register-errors');
    await expectAccessible(maintainer);
  });

  it('keeps what was typed when refused, says what is wrong with each part beside its field, and focuses a summary that links to the fields', async () => {
    const phone = await pageFor('demo-maintainer', 390);
    await gotoInteractive(phone, `${appUrl}/models/new`);
    const typed: [string, string][] = [
      ['Name', `${name}-kept`],
      ['Version', '1.0.0'],
      ['Artifact location', `s3://ml-models/${name}/kept.tar.gz`],
      ['Memory (MB)', '1024'],
      ['Timeout (s)', '30'],
      ['Tags (comma-separated)', 'payments, Bad Tag!'],
      ['Metrics (JSON)', '{"auc": "high"}'],
    ];
    for (const [label, value] of typed) await phone.getByLabel(label, { exact: true }).fill(value);
    await phone.getByLabel('Framework', { exact: true }).selectOption('xgboost');
    await phone.getByRole('button', { name: 'Register' }).click();
    // The summary takes focus wherever the button was, and names each problem in words.
    const summary = phone.getByRole('heading', { name: 'There are 2 problems' });
    await summary.waitFor();
    expect(await phone.evaluate(() => document.activeElement?.textContent ?? '')).toContain('There are 2 problems');
    const problems = await phone.locator('[aria-labelledby=error-summary-title] li').allTextContents();
    expect(problems).toEqual([expect.stringMatching(/^Tags: “Bad Tag!”: may contain letters/), 'Metrics: auc: must be a number']);
    expect(await phone.locator('#metrics-error').textContent()).toBe('auc: must be a number');
    expect(await phone.getByLabel('Tags (comma-separated)').getAttribute('aria-invalid')).toBe('true');
    for (const [label, value] of typed) expect(await phone.getByLabel(label, { exact: true }).inputValue(), label).toBe(value);
    expect(await phone.getByLabel('Framework', { exact: true }).inputValue()).toBe('xgboost');
    await screenshot(phone, 'register-error-summary-phone');
    await expectAccessible(phone);
    // Each problem links to its field, ready for typing.
    await phone.getByRole('link', { name: /^Metrics:/ }).click();
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('metrics');
    await phone.context().close();
  });

  it('registers a model with a Lambda target and lands on the version page', async () => {
    await gotoInteractive(maintainer, `${appUrl}/models/new`);
    await maintainer.getByLabel('Name', { exact: true }).fill(name);
    await maintainer.getByLabel('Version', { exact: true }).fill('1.0.0');
    await maintainer.getByLabel('Framework', { exact: true }).selectOption('xgboost');
    await maintainer.getByLabel('Artifact location').fill(`s3://ml-models/${name}/1.0.0/model.tar.gz`);
    await maintainer.getByLabel('Memory (MB)').fill('1024');
    await maintainer.getByLabel('Timeout (s)').fill('30');
    await maintainer.getByLabel('Description (Markdown)').fill('Scores **payments**.\n\n<script>alert(1)</script>');
    await maintainer.getByRole('button', { name: 'Register' }).click();
    await maintainer.waitForURL(/\/versions\/1\.0\.0$/);
    expect(await maintainer.getByRole('heading', { level: 1 }).textContent()).toContain(name);
    await maintainer.locator('strong', { hasText: 'payments' }).waitFor();
    expect(await maintainer.locator('main script').count()).toBe(0);
    await screenshot(maintainer, 'version');
  });

  it('registers a new version with an EKS target from the model page, and says when it exists', async () => {
    await maintainer.getByRole('link', { name }).first().click();
    await maintainer.waitForURL(/\/models\/[0-9a-f-]+$/);
    modelUrl = maintainer.url();
    await maintainer.getByRole('link', { name: 'Register a new version' }).click();
    expect(await maintainer.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await maintainer.getByLabel('Version', { exact: true }).fill('1.0.0');
    await maintainer.getByLabel('Artifact location').fill(`s3://ml-models/${name}/1.0.0/model.tar.gz`);
    await maintainer.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => maintainer.getByRole('form').getByRole('alert').textContent()).toContain('already registered');
    expect(await maintainer.getByRole('link', { name: 'Open the existing version' }).count()).toBe(1);
    // The server's refusal keeps what was typed.
    expect(await maintainer.getByLabel('Artifact location').inputValue()).toBe(`s3://ml-models/${name}/1.0.0/model.tar.gz`);
    expect(await maintainer.getByLabel('Version', { exact: true }).inputValue()).toBe('1.0.0');

    await maintainer.getByLabel('Version', { exact: true }).fill('2.0.0');
    await maintainer.getByLabel('Artifact location').fill(`s3://ml-models/${name}/2.0.0/model.pt`);
    await maintainer.getByText('EKS (Kubernetes)').click();
    await maintainer.getByLabel('CPU').fill('2');
    await maintainer.getByLabel('Memory (MiB)').fill('4096');
    await maintainer.getByRole('button', { name: 'Register' }).click();
    await maintainer.waitForURL(/\/versions\/2\.0\.0$/);
    await maintainer.getByText('Deployment preferences (EKS)').waitFor();
    expect(await maintainer.getByRole('link', { name: '1.0.0' }).count()).toBe(1); // parent version link
  });

  it('finds the model in the catalog by target, search, sort and page, all in the URL', async () => {
    await maintainer.goto(`${appUrl}/models?team=fraud`);
    // The page streams behind a skeleton: look at (and check) the catalog, not the placeholder.
    await maintainer.getByRole('table').waitFor();
    await screenshot(maintainer, 'catalog');
    await maintainer.getByLabel('Target').selectOption('EKS');
    await maintainer.waitForURL(/deploymentTarget=EKS/);
    // The URL changes before the new page has streamed in: wait for what it shows.
    await expect.poll(() => maintainer.getByRole('link', { name: `${name}-filler-00` }).count()).toBe(0);
    expect(await maintainer.getByRole('link', { name, exact: true }).count()).toBe(1);

    await maintainer.goto(`${appUrl}/models?team=fraud`);
    await maintainer.getByLabel('Search name, description, tags').fill(`${name}-filler`);
    await maintainer.waitForURL(/q=/);
    await expect.poll(() => maintainer.getByRole('link', { name: new RegExp(`^${name}-filler`) }).count()).toBe(12);

    await maintainer.getByRole('button', { name: /Model/ }).click();
    await maintainer.waitForURL(/sort=name/);
    await maintainer.getByLabel('Per page').selectOption('10');
    await maintainer.waitForURL(/limit=10/);
    await expect.poll(() => maintainer.getByRole('row').count()).toBe(11);
    expect(await maintainer.getByRole('link', { name: `${name}-filler-00` }).count()).toBe(1);
    await maintainer.getByRole('button', { name: 'Next' }).click();
    await maintainer.waitForURL(/offset=10/);
    await maintainer.getByRole('link', { name: `${name}-filler-11` }).waitFor();
    await maintainer.reload();
    await maintainer.getByRole('link', { name: `${name}-filler-11` }).waitFor();
    expect(await maintainer.getByRole('link', { name: `${name}-filler-00` }).count()).toBe(0);

    await maintainer.goto(`${appUrl}/models?q=nothing-matches-this-${name}`);
    await maintainer.getByText('No model matches these filters.').waitFor();
  });

  it('edits a field and deregisters a version, each visible in the audit trail', async () => {
    await gotoInteractive(maintainer, `${modelUrl}/versions/1.0.0`);
    await maintainer.getByRole('button', { name: 'Edit metadata' }).click();
    // A refused edit keeps what was typed.
    await maintainer.getByLabel('Tags (comma-separated)').fill('payments, Bad Tag!');
    await maintainer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => maintainer.getByLabel('Tags (comma-separated)').getAttribute('aria-invalid')).toBe('true');
    expect(await maintainer.getByLabel('Tags (comma-separated)').inputValue()).toBe('payments, Bad Tag!');
    expect(await maintainer.locator('#tags-error').textContent()).toMatch(/^“Bad Tag!”: may contain letters/);
    await maintainer.getByLabel('Tags (comma-separated)').fill('payments, edited');
    await maintainer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => maintainer.getByText(`Saved ${name} 1.0.0`).count()).toBe(1);
    // Only the tags were changed, so only the tags are recorded as changed.
    const { auditLog } = await import('../../db/schema');
    const { and, desc, eq, sql } = await import('drizzle-orm');
    const [updated] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'version.updated'), sql`${auditLog.summary}->>'model' = ${name}`))
      .orderBy(desc(auditLog.occurredAt))
      .limit(1);
    expect(Object.keys((updated!.summary as { changed: object }).changed)).toEqual(['tags']);
    await maintainer.reload();
    await maintainer.getByText('version.updated').first().waitFor();

    // Deregistration is confirmed by typing the version: anything else leaves the button disabled.
    await maintainer.getByRole('button', { name: 'Deregister this version' }).click();
    const confirm = maintainer.getByRole('group', { name: `Deregister ${name} 1.0.0` });
    await confirm.getByLabel('Type the version (1.0.0) to confirm').fill('1.0');
    expect(await confirm.getByRole('button', { name: 'Deregister', exact: true }).isDisabled()).toBe(true);
    await screenshot(maintainer, 'deregister-confirm');
    await confirm.getByLabel('Reason (shown on the tombstone)').fill('Trained on the wrong month of payments');
    await confirm.getByLabel('Type the version (1.0.0) to confirm').fill('1.0.0');
    await confirm.getByRole('button', { name: 'Deregister', exact: true }).click();
    await maintainer.waitForURL(modelUrl);
    await maintainer.getByRole('link', { name: '2.0.0', exact: true }).waitFor();
    expect(await maintainer.getByRole('link', { name: '1.0.0', exact: true }).count()).toBe(0);
    // Its page answers 404 and keeps a tombstone: who, when, why.
    const gone = await maintainer.goto(`${modelUrl}/versions/1.0.0`);
    expect(gone?.status()).toBe(404);
    expect(await maintainer.getByRole('heading', { level: 1 }).textContent()).toBe(`${name} 1.0.0 was deregistered`);
    const tombstone = await maintainer.getByRole('region', { name: 'Tombstone' }).textContent();
    expect(tombstone).toContain('Trained on the wrong month of payments');
    expect(tombstone).toMatch(/Deregistered\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Mia Maintainer/);
    await screenshot(maintainer, 'version-tombstone');
    await maintainer.goto(`${appUrl}/audit?action=version.deregistered`);
    await maintainer.getByRole('cell', { name: 'version.deregistered' }).first().waitFor();
  });

  it('lets a platform admin choose any team to register in', async () => {
    const admin = await pageFor('demo-admin');
    await admin.goto(`${appUrl}/models/new`);
    const teams = await admin.getByLabel('Team', { exact: true }).locator('option').allTextContents();
    expect(teams).toContain('fraud'); // a team Ada (admin, in no team) is no member of
    expect(await admin.getByText('You may register models in no team').count()).toBe(0);
  });

  it('shows a viewer no write controls', async () => {
    const viewer = await pageFor('demo-viewer');
    // Each page is waited for by something it must show, so an absent control is really absent.
    await viewer.goto(`${appUrl}/models?team=fraud`);
    await viewer.getByRole('table').waitFor();
    expect(await viewer.getByRole('link', { name: 'Register a model' }).count()).toBe(0);
    await viewer.goto(`${modelUrl}/versions/2.0.0`);
    await viewer.getByRole('heading', { name: 'Use this version' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Edit metadata' }).count()).toBe(0);
    // The audit box is only for those who may read the audit trail.
    expect(await viewer.getByRole('heading', { name: 'Audit trail' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Deregister this version' }).count()).toBe(0);
    await viewer.goto(modelUrl);
    await viewer.getByRole('heading', { name: 'Versions' }).waitFor();
    expect(await viewer.getByRole('link', { name: 'Register a new version' }).count()).toBe(0);
    await screenshot(viewer, 'model-viewer');
  });
});

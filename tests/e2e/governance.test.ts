import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { appDatabase } from '../helpers/database';
import { gotoInteractive, launchBrowser, screenshot, signedInPage } from '../helpers/browser';
import { registration, tokenFor } from '../helpers/fixtures';
import { ensureTeam } from '../../server/services/teams/find';

const appUrl = inject('appUrl');
let browser: Browser;
let db: Connection;
let versionUrl = '';
const partner = `e2e-partner-${crypto.randomUUID().slice(0, 6)}`;

const pageFor = (subject: string, width = 1280) => signedInPage(browser, appUrl, subject, width);

const lifecycle = (page: Page) => page.getByRole('region', { name: /^Lifecycle/ });

beforeAll(async () => {
  browser = await launchBrowser();
  db = await appDatabase();
  const token = await tokenFor(db.db, 'fraud');
  await ensureTeam(db.db, partner);
  const name = `gov-e2e-${crypto.randomUUID().slice(0, 6)}`;
  const res = await fetch(`${appUrl}/api/v1/models`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(registration({ name, team: 'fraud' })),
  });
  const { modelId } = await res.json();
  // The built-in rules want the artifacts' checksums before staging.
  await fetch(`${appUrl}/api/v1/models/${modelId}/1.0.0/artifacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'weights', uri: `s3://ml-models/fraud/${name}/model.tar.gz`, sha256: 'c'.repeat(64) }),
  });
  versionUrl = `${appUrl}/models/${modelId}/versions/1.0.0`;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

describe('governance in the portal', () => {
  it('a contributor submits, a different maintainer approves after reading the checklist, and the history shows both', async () => {
    const carl = await pageFor('demo-contributor');
    await gotoInteractive(carl, versionUrl);
    await expect.poll(() => lifecycle(carl).textContent()).toContain('draft');
    // A contributor is offered no decision.
    expect(await carl.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await carl.getByLabel('Comment').fill('Ready for the staging soak');
    await carl.getByRole('button', { name: 'Submit for staging review' }).click();
    await expect.poll(() => lifecycle(carl).textContent()).toContain('Open staging review requested by Carl Contributor');

    const mia = await pageFor('demo-maintainer');
    await gotoInteractive(mia, versionUrl);
    const checklist = await lifecycle(mia).textContent();
    expect(checklist).toContain('Policy for approved staging: not met yet');
    expect(checklist).toContain('1 approval for staging by maintainers other than the requester — none yet');
    expect(checklist).toContain('artifacts are recorded, each with its SHA-256 checksum — 1 artifact, all with checksums');
    await screenshot(mia, 'governance-review');
    await mia.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => mia.getByRole('heading', { name: /^Lifecycle/ }).textContent()).toBe('Lifecycle approved staging');

    await gotoInteractive(carl, versionUrl);
    await carl.getByRole('button', { name: 'Promote to staging' }).click();
    await expect.poll(() => carl.getByRole('region', { name: 'History' }).textContent()).toContain('approved staging → staging');
    const history = await carl.getByRole('region', { name: 'History' }).textContent();
    expect(history).toContain('draft → submitted, asked by Carl Contributor — “Ready for the staging soak”');
    expect(history).toContain('submitted → approved staging, asked by Carl Contributor, decided by Mia Maintainer');
    await screenshot(carl, 'governance-staging');

    // The protected alias "staging" (built-in rules) is moved by a maintainer, and stays where it is.
    await gotoInteractive(mia, versionUrl);
    await mia.getByLabel('Alias', { exact: true }).fill('staging');
    await mia.getByRole('button', { name: 'Point here' }).click();
    await expect.poll(() => mia.getByRole('region', { name: 'Aliases' }).textContent()).toContain('@staging');

    await gotoInteractive(mia, `${appUrl}/governance`);
    const decided = await mia.getByRole('region', { name: /Recent decisions/ }).textContent();
    expect(decided).toContain('staging review asked by Carl Contributor');
    expect(decided).toContain('approved by Mia Maintainer');
    await screenshot(mia, 'governance-page');
    await gotoInteractive(carl, `${appUrl}/governance`);
    expect(await carl.getByRole('region', { name: /My requests/ }).textContent()).toContain('staging review asked by Carl Contributor');
  }, 90_000);

  it("lets a maintainer keep the model's facts: card, owners, risk tier, who may read it", async () => {
    const mia = await pageFor('demo-maintainer');
    const modelUrl = versionUrl.replace(/\/versions\/.*$/, '');
    await gotoInteractive(mia, modelUrl);
    await mia.getByLabel('Owners (comma-separated)').fill('mia@example.test, fraud-oncall');
    await mia.getByLabel('Risk tier').selectOption('high');
    // Shared with a team of this test's own: an internal model would appear in other tests' catalogs.
    await mia.getByLabel('Who may read it').selectOption('shared');
    await mia.getByLabel('Shared with (team slugs, comma-separated)').fill(partner);
    await mia.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => mia.locator('main header').textContent()).toContain(`visible to team fraud and ${partner}`);
    expect(await mia.locator('main header').textContent()).toContain('risk tier high');
    expect(await mia.getByRole('region', { name: 'Model card' }).textContent()).toContain('mia@example.test, fraud-oncall');
    expect(await mia.getByText('@staging').count()).toBe(1);
    await screenshot(mia, 'model-facts');
    // A contributor sees the facts, not the form.
    const carl = await pageFor('demo-contributor');
    await gotoInteractive(carl, modelUrl);
    expect(await carl.getByRole('form', { name: 'Model facts (maintainers)' }).count()).toBe(0);
  }, 60_000);

  it('lets a maintainer try a draft policy against a version before saving it', async () => {
    const mia = await pageFor('demo-maintainer');
    await gotoInteractive(mia, versionUrl);
    await mia.getByRole('link', { name: /dry run of a draft/ }).click();
    await mia.getByRole('heading', { name: 'Policy of fraud' }).waitFor();
    const editor = mia.getByLabel('Policy document (JSON)');
    await editor.fill('{"states": {"approved_prod": {"approvals": "two"}}}');
    await mia.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => mia.locator('#policy-errors').textContent()).toContain('states.approved_prod.approvals');
    await editor.fill(JSON.stringify({ states: { approved_prod: { approvals: 1, passedEvaluations: ['safety'] } } }));
    await mia.getByLabel('Moving to').selectOption('approved_prod');
    await mia.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => mia.getByText('Draft policy for approved prod: not met').count()).toBe(1);
    expect(await mia.getByText('✗ the latest "safety" evaluation passed — no evaluation recorded').count()).toBe(1);
    await screenshot(mia, 'governance-policy');
  }, 60_000);
});

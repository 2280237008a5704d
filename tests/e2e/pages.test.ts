import type { Browser, Locator, Page } from '@playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../db/client';
import { api } from '../helpers/api';
import { expectAccessible, gotoInteractive, launchBrowser, screenshot, signedInPage } from '../helpers/browser';
import { appDatabase } from '../helpers/database';
import { eksConfig, registration, tokenFor } from '../helpers/fixtures';

const appUrl = inject('appUrl');
const id = crypto.randomUUID().slice(0, 6);
const name = `pages-${id}`;
const tag = `pages-tag-${id}`;
let browser: Browser;
let db: Connection;
let modelId = '';
let registrant = '';
// One signed-in page for every test (each sign-in costs seconds), set to the width and theme asked.
let page: Page;
let admin: Page;

async function view(width: 1280 | 390, colorScheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
}
const modelPage = () => `/models/${modelId}`;

/** The terms and definitions of a description list, in order. */
async function terms(scope: Locator) {
  const [dt, dd] = await Promise.all([scope.locator('dt').allTextContents(), scope.locator('dd').allTextContents()]);
  return dt.map((term, i) => [term, dd[i]]);
}

/** The elements that stick out of the screen on the right, to say why a page scrolls sideways. */
const widest = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
      .join(', '),
  );

beforeAll(async () => {
  browser = await launchBrowser();
  db = await appDatabase();
  const token = await tokenFor(db.db, 'fraud', { role: 'maintainer' });
  const register = (body: Record<string, unknown>) => api('/api/v1/models', { method: 'POST', token, body: registration({ name, team: 'fraud', ...body }) });
  const first = await register({
    version: '1.0.0',
    description: 'Scores **card payments** for fraud.\n\nTrained weekly.',
    tags: ['payments', tag],
    metrics: { auc: 0.91, f1: 0.8 },
    hyperparameters: { max_depth: 4 },
    artifactUri: `s3://ml-models/${name}/1.0.0/model.tar.gz`,
  });
  modelId = first.body.modelId;
  registrant = first.body.version.registeredBy.name;
  await register({ version: '1.1.0', deploymentTarget: 'EKS', deploymentConfig: eksConfig, metrics: { auc: 0.93, f1: 0.82 }, hyperparameters: { max_depth: 6 } });
  await register({ version: '2.0.0-rc.1', metrics: { auc: 0.95 } });
  // A version taken away, for its tombstone.
  await register({ version: '0.9.0' });
  await api(`/api/v1/models/${modelId}/0.9.0?reason=${encodeURIComponent('Replaced by 1.0.0')}`, { method: 'DELETE', token });
  page = await signedInPage(browser, appUrl, 'demo-maintainer');
  admin = await signedInPage(browser, appUrl, 'demo-admin');
}, 60_000);
beforeEach(() => view(1280));
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

describe('the model page', () => {
  it('lists versions newest first with state, key metrics and who registered them, charts the metrics, and compares two versions', async () => {
    await gotoInteractive(page, `${appUrl}${modelPage()}`);
    expect(await page.title()).toBe(`${name} (fraud) · Model Registry`);
    const versions = page.getByRole('heading', { name: 'Versions, newest first' }).locator('xpath=following-sibling::ol/li');
    expect(await versions.locator('a').allTextContents()).toEqual(['2.0.0-rc.1', '1.1.0', '1.0.0']);
    const [rc, latest] = [await versions.nth(0).textContent(), await versions.nth(1).textContent()];
    expect(rc).toContain('pre-release');
    expect(rc).not.toContain('latest release');
    expect(latest).toContain('latest release');
    expect(latest).toContain('auc 0.93');
    expect(latest).toContain(registrant);

    const metrics = page.getByRole('region', { name: 'Metrics table' });
    expect(await metrics.getByRole('row', { name: /^1\.0\.0/ }).textContent()).toBe('1.0.00.910.8');
    expect(await metrics.getByRole('row', { name: /^2\.0\.0-rc\.1/ }).textContent()).toBe('2.0.0-rc.10.95—');
    // The chart draws one line per metric.
    await expect.poll(() => page.locator('.recharts-line').count()).toBe(2);

    await page.getByLabel('Version', { exact: true }).selectOption('1.0.0');
    await page.getByLabel('with', { exact: true }).selectOption('1.1.0');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare\?a=1\.0\.0&b=1\.1\.0$/);
    const auc = page.getByRole('region', { name: 'Metrics' }).getByRole('row', { name: /^auc/ });
    expect(await auc.textContent()).toBe('auc (differs)0.910.93');
    const preferences = page.getByRole('region', { name: 'Deployment preferences' });
    expect(await preferences.getByRole('row', { name: /^Memory/ }).textContent()).toBe('Memory (differs)2,048 MB8,192 MiB');
    expect(await page.getByRole('region', { name: 'Overview' }).getByRole('row', { name: /^Framework/ }).textContent()).toBe('Frameworkxgboostxgboost');
  });
});

describe('the version page', () => {
  it('puts state and deployment first, preferences in units, says when a newer release exists, and shows how to use it', async () => {
    await gotoInteractive(page, `${appUrl}${modelPage()}/versions/1.0.0`);
    expect(await page.title()).toBe(`${name} 1.0.0 · Model Registry`);
    expect(await page.getByTestId('version-status').textContent()).toBe('draftnot serving');
    const newer = page.getByRole('note');
    expect(await newer.textContent()).toBe('A newer release exists: 1.1.0');
    const preferences = page.getByRole('region', { name: 'Deployment preferences (LAMBDA)' });
    expect(await terms(preferences)).toEqual([['Memory', '2,048 MB'], ['Timeout', '30 s'], ['Ephemeral storage', '512 MB'], ['Architecture', 'Arm64 (Graviton)']]);

    const use = page.getByRole('region', { name: 'Use this version' });
    expect(await use.getByRole('figure').filter({ hasText: 'curl' }).locator('pre').textContent()).toContain(`/api/v1/models/${modelId}/1.0.0`);
    expect(await use.getByRole('figure').filter({ hasText: 'AWS CLI' }).locator('pre').textContent()).toBe(`aws s3 cp s3://ml-models/${name}/1.0.0/model.tar.gz ./model.tar.gz`);
    expect(await use.getByRole('button', { name: 'Copy' }).count()).toBe(4);

    // The edit form waits behind its button.
    expect(await page.getByRole('form', { name: 'Edit metadata' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit metadata' }).click();
    expect(await page.getByRole('form', { name: 'Edit metadata' }).getByLabel('Tags (comma-separated)').inputValue()).toBe(`payments, ${tag}`);

    // The latest release has no newer one: a pre-release does not count.
    await page.goto(`${appUrl}${modelPage()}/versions/1.1.0`);
    await page.getByRole('heading', { name: 'Use this version' }).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    expect(await terms(page.getByRole('region', { name: 'Deployment preferences (EKS)' }))).toEqual([['Replicas', '2–4'], ['CPU', '2 cores'], ['Memory', '8,192 MiB'], ['GPU', '1 × NVIDIA T4']]);
  });
});

describe('the catalog', () => {
  it('tells what each model is, shows its filters as chips, drops only a bad parameter, and suggests the tags in use', async () => {
    await gotoInteractive(page, `${appUrl}/models?team=fraud&tag=${tag}&framework=nope`);
    expect(await page.getByRole('alert').filter({ hasText: 'Ignored' }).textContent()).toContain('framework=nope must be one of:');
    const chips = page.getByRole('list', { name: 'Filters in effect' });
    expect(await chips.getByRole('link').allTextContents()).toEqual([`Team: fraud×(remove this filter)`, `Tag: ${tag}×(remove this filter)`, 'Clear all']);
    const rows = page.getByRole('region', { name: 'Models table' }).getByRole('row');
    expect(await rows.count()).toBe(2);
    const row = (await rows.nth(1).textContent()) ?? '';
    expect(row).toContain('Scores card payments for fraud.');
    expect(row).toContain('payments');
    expect(row).toContain('1.1.0 draft');
    expect(row).toMatch(/just now|minute/);

    await chips.getByRole('link', { name: /^Tag:/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('tag') && url.searchParams.get('team') === 'fraud');

    // Suggestions come from the tags that exist.
    await page.getByLabel('Tag', { exact: true }).focus();
    await expect.poll(() => page.locator(`#tag-suggestions option[value="${tag}"]`).count()).toBe(1);
    expect(await page.locator(`#tag-suggestions option[value="${tag}"]`).textContent()).toBe('1 model');
  });

  it('on a phone, folds the filters behind a button and shows each model as a card', async () => {
    await view(390);
    const phone = page;
    await gotoInteractive(phone, `${appUrl}/models?team=fraud&q=${name}`);
    const cards = phone.getByRole('list', { name: 'Models' });
    await cards.waitFor();
    expect(await cards.getByRole('listitem').first().textContent()).toContain(name);
    expect(await phone.getByLabel('Framework').isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'Filters (2)' }).click();
    expect(await phone.getByLabel('Framework').isVisible()).toBe(true);
  });
});

describe('every page', () => {
  it('is named by its title, marks its section in the navigation, and starts with a skip link', async () => {
    await page.goto(`${appUrl}${modelPage()}`);
    await page.locator('main h1').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Models', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'API tokens' }).getAttribute('aria-current')).toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows progress while the next page loads and while a long action runs', async () => {
    await gotoInteractive(page, `${appUrl}${modelPage()}/versions/1.0.0`);
    // Hold the requests a moment, so that what is shown meanwhile can be looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/*', async (route) => {
      if (route.request().method() === 'POST' || route.request().headers().rsc) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Edit metadata' }).click();
    await page.getByLabel('Lineage notes').fill('held a moment');
    const save = page.getByRole('button', { name: /^Sav/ });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-busy')).toBe('true');
    expect(await save.textContent()).toBe('Saving…');
    release();
    await page.getByText(`Saved ${name} 1.0.0`).waitFor();

    const heldAgain = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.unroute('**/*');
    await page.route('**/*', async (route) => {
      if (route.request().headers().rsc) await heldAgain;
      await route.continue();
    });
    await page.getByRole('link', { name, exact: true }).click();
    await page.locator('#nprogress .bar').waitFor();
    release();
    await page.waitForURL(`${appUrl}${modelPage()}`);
    await page.getByRole('heading', { name: 'Versions, newest first' }).waitFor();
    await page.unrouteAll();
  });

  it('fits 1280 and 390 px screens without sideways scrolling and passes axe at both, in the light and the dark theme', async () => {
    const pages: [string, string][] = [
      ['catalog', '/models?team=fraud'],
      ['model', modelPage()],
      ['version', `${modelPage()}/versions/1.1.0`],
      ['version-tombstone', `${modelPage()}/versions/0.9.0`],
      ['compare', `${modelPage()}/compare?a=1.0.0&b=1.1.0`],
      ['register', '/models/new'],
      ['tokens', '/tokens'],
      ['audit', `/audit?modelId=${modelId}`],
      ['governance', '/governance'],
      ['policy', '/governance/policy/fraud'],
      ['webhooks', '/webhooks'],
      ['api-reference', '/docs/api'],
      ['not-found', '/models/not-a-model'],
    ];
    // The dark theme changes colours only, the same on every page and at any width: its contrast
    // is checked on the pages that hold every kind of control and badge.
    const darkChecked = new Set(['catalog', 'model', 'version', 'register', 'audit', 'admin-teams', 'signin']);
    const sweep = async (who: Page, paths: [string, string][], width: 1280 | 390, scheme: 'light' | 'dark') => {
      await who.setViewportSize({ width, height: 900 });
      await who.emulateMedia({ colorScheme: scheme });
      for (const [label, path] of paths) {
        await who.goto(`${appUrl}${path}`, { waitUntil: 'domcontentloaded' });
        await who.locator('main h1').waitFor();
        if (label === 'model') await who.locator('.recharts-line').first().waitFor();
        const overflow = await who.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width} px: ${overflow > 0 ? await widest(who) : ''}`).toBeLessThanOrEqual(0);
        // Axe at both widths (the API reference's long page once, at the narrow width: axe takes
        // seconds over it, and its markup is the same at both).
        if (scheme === 'light' && !(label === 'api-reference' && width === 1280)) await expectAccessible(who);
        if (scheme === 'dark' && darkChecked.has(label)) await expectAccessible(who, { only: ['color-contrast'] });
        // The API reference is many screens long: its first one shows how it looks.
        await screenshot(who, `${label}-${width === 390 ? 'phone' : 'desktop'}-${scheme}`, { fullPage: label !== 'api-reference' });
      }
    };
    const visitor = await (await browser.newContext()).newPage();
    for (const [width, scheme] of [[1280, 'light'], [390, 'light'], [1280, 'dark']] as const) {
      await sweep(page, pages, width, scheme);
      await sweep(admin, [['admin-teams', '/admin/teams']], width, scheme);
      await sweep(visitor, [['signin', '/signin']], width, scheme);
    }
  }, 180_000);
});

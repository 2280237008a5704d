import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { DEMO_PEOPLE } from '../../server/services/seed/demo-people';
import { launchBrowser, screenshot, signIn } from '../helpers/browser';

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const cspViolations: string[] = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

afterAll(() => {
  // Every page above ran under the real policy; nothing it needs may have been blocked.
  expect(cspViolations).toEqual([]);
});

describe('signing in', () => {
  it('sends a visitor without a session to sign-in, which lists the demo people', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/tokens`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    const demo = page.getByRole('heading', { name: 'Demo people of the local provider' }).locator('..');
    expect(await demo.getByRole('listitem').locator('code').allTextContents()).toEqual(DEMO_PEOPLE.map((p) => p.subject));
    expect(await demo.getByRole('listitem').nth(2).textContent()).toBe('demo-maintainer — Mia Maintainer, also deregisters and manages fraud tokens');
    await screenshot(page, 'signin');
  });

  it('returns to the page a shared link asked for once the person has signed in', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/audit?action=version.updated`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/audit?action=version.updated');
    await page.getByRole('button', { name: /Sign in with/ }).click();
    await page.locator('input[name=login]').fill('demo-maintainer');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${appUrl}/audit?action=version.updated`);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  });

  it('signs a maintainer in and out through the OpenID provider', async () => {
    const page = await newPage();
    await signIn(page, appUrl, 'demo-maintainer');
    expect(await page.getByTestId('signed-in-person').textContent()).toContain('Mia Maintainer');
    expect(await page.getByRole('link', { name: 'Audit trail' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Teams' }).count()).toBe(0);
    await screenshot(page, 'home-maintainer');

    // A copy of the session cookie, as someone might take it before sign-out.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${appUrl}/api/v1/models`, { headers: { cookie } })).status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${appUrl}/tokens`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    // Sign-out ended the session on the server: the copy is worthless.
    expect((await fetch(`${appUrl}/api/v1/models`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('tokens in the portal', () => {
  it('lets a contributor create a token shown once, which then works, and revoke it', async () => {
    const page = await newPage();
    await signIn(page, appUrl, 'demo-contributor');
    await page.goto(`${appUrl}/tokens`);
    await page.getByLabel('Name').fill('notebook');
    await page.getByLabel('write').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^mlr_/);
    // Ways to use it, each with the secret filled in and a copy button.
    const created = page.getByRole('region', { name: 'Your new token' });
    expect(await created.locator('pre').first().textContent()).toBe(`curl -H "Authorization: Bearer ${token}" ${new URL(appUrl).origin}/api/v1/models`);
    expect(await created.locator('pre').nth(1).textContent()).toContain(`export REGISTRY_TOKEN=${token}`);
    expect(await created.getByRole('button', { name: /^Copy/ }).count()).toBe(3);
    await screenshot(page, 'tokens-created');

    const ok = await fetch(`${appUrl}/api/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);

    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(token.slice(0, 12)) });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Carl Contributor (you)');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /Revoke/ }).click();
    await expect.poll(async () => (await fetch(`${appUrl}/api/v1/models`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('shows a viewer why a write token is refused, and checks the form before sending', async () => {
    const page = await newPage();
    await signIn(page, appUrl, 'demo-viewer');
    expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await page.goto(`${appUrl}/tokens`);
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.locator('#name-error').textContent()).toBe('Required');
    await page.getByLabel('Name').fill('too-strong');
    await page.getByLabel('write').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Create a token' }).getByRole('alert').textContent()).toContain('more than your own role');
    await screenshot(page, 'tokens-viewer-refused');
  });
});

describe('admin and audit pages', () => {
  it('shows an admin every team and a maintainer their audit trail', async () => {
    const admin = await newPage();
    await signIn(admin, appUrl, 'demo-admin');
    await admin.getByRole('link', { name: 'Teams' }).click();
    await admin.waitForURL(`${appUrl}/admin/teams`);
    await admin.getByRole('heading', { name: /fraud/ }).first().waitFor();
    await screenshot(admin, 'admin-teams');

    const maintainer = await newPage();
    await signIn(maintainer, appUrl, 'demo-maintainer');
    await maintainer.goto(`${appUrl}/audit?action=token.created`);
    await maintainer.getByRole('cell', { name: 'token.created' }).first().waitFor();
    await screenshot(maintainer, 'audit');

    const viewer = await newPage();
    await signIn(viewer, appUrl, 'demo-viewer');
    for (const closed of ['/admin/teams', '/audit']) {
      // The portal streams pages behind a loading state, so "not found" is what the page says.
      await viewer.goto(`${appUrl}${closed}`);
      await viewer.getByRole('heading', { name: 'Not found' }).waitFor();
      expect(await viewer.getByRole('table').count(), closed).toBe(0);
    }
  });
});

describe('a failed sign-in', () => {
  // A callback the portal did not start (forged, replayed or expired): no state cookie matches.
  it('lands back on the sign-in page with an explanation, and is recorded', async () => {
    const { appDatabase } = await import('../helpers/database');
    const { auditLog } = await import('../../db/schema');
    const { and, eq, gt } = await import('drizzle-orm');
    const since = new Date();
    const page = await newPage();
    await page.goto(`${appUrl}/api/auth/callback/oidc?code=forged&state=forged`);
    await page.waitForURL(/\/signin\?.*error=/);
    expect(await page.getByRole('alert').filter({ hasText: /sign-in/i }).count()).toBeGreaterThan(0);
    await screenshot(page, 'signin-failed');
    const db = await appDatabase();
    try {
      // Counted at once, audited when its minute is over (here: as if it were).
      const { auditDenials } = await import('../../server/services/audit/denials');
      const recorded = async () => {
        await auditDenials(db.db, new Date(Date.now() + 60_000));
        return db.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in_failed'), gt(auditLog.occurredAt, since)));
      };
      await expect.poll(async () => (await recorded()).length).toBeGreaterThan(0);
      expect((await recorded())[0]!.summary).toMatchObject({ count: expect.any(Number), clientAddress: '127.0.0.1' });
    } finally {
      await db.close();
    }
  });
});

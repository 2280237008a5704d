import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, chromium } from '@playwright/test';
import { expect } from 'vitest';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Debian's Chromium as root in a closed network needs these; Playwright's own browser does not.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium: the system's where there is one (CI, Debian), else Playwright's own (a laptop). */
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM;
  return chromium.launch(executablePath ? { executablePath, args: FLAGS } : {});
}

/** Signs a demo person in through the real flow: portal → local OpenID provider → portal. */
export async function signIn(page: Page, appUrl: string, subject: string) {
  await page.goto(`${appUrl}/signin`);
  await page.getByRole('button', { name: /Sign in with/ }).click();
  await page.locator('input[name=login]').fill(subject);
  await page.locator('input[name=password]').fill('any');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${appUrl}/models`);
}

/** A new browser context of the given width (and system colour scheme), signed in as a demo person. */
export async function signedInPage(browser: Browser, appUrl: string, subject: string, width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await signIn(page, appUrl, subject);
  return page;
}

const SCREENSHOTS = path.resolve(import.meta.dirname, '../e2e/screenshots');

/** Saves what the page shows, for a person to look at after the run (not committed). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Opens a page and waits until its scripts have loaded and run, so a click reaches React's
 * handlers rather than the bare HTML (a form submitted before hydration does nothing).
 */
export async function gotoInteractive(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/** axe finds no serious or critical accessibility problem on the page: every rule, or `only` these. */
export async function expectAccessible(page: Page, { only }: { only?: string[] } = {}) {
  // Legacy mode runs axe in the page itself; the default also opens a blank page per run to
  // combine frames' results, which doubles the time here and our pages have no frames.
  const axe = new AxeBuilder({ page }).setLegacyMode();
  if (only) axe.withRules(only);
  const { violations } = await axe.analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), page.url()).toEqual([]);
}

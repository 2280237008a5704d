import type { Browser } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIdp } from '../../scripts/local-idp';
import { auditLog, memberships, sessions, teams, users } from '../../db/schema';
import { freshDatabase } from '../helpers/database';
import { launchBrowser, signIn } from '../helpers/browser';
import { signInAs } from '../helpers/session';
import { freePort } from '../setup/postgres';
import { startNextServer } from '../setup/next-server';

// A server of its own whose sessions end after 2 idle seconds, or 6 seconds however active.
let database: Awaited<ReturnType<typeof freshDatabase>>;
let idp: Awaited<ReturnType<typeof startLocalIdp>>;
let server: Awaited<ReturnType<typeof startNextServer>>;
let browser: Browser;
const SECRET = 'session-expiry-test-secret-0123456789';

beforeAll(async () => {
  database = await freshDatabase();
  const port = await freePort();
  idp = await startLocalIdp({ port: await freePort(), redirectUris: [`http://127.0.0.1:${port}/api/auth/callback/oidc`] });
  server = await startNextServer(
    {
      DATABASE_URL: database.url,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      NEXTAUTH_SECRET: SECRET,
      SESSION_MAX_AGE_SECONDS: '6',
      SESSION_IDLE_TIMEOUT_SECONDS: '2',
    },
    `${process.cwd()}/.test-data/session-expiry.log`,
    port,
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
  await database?.close();
});

describe('sessions', () => {
  it('end after the idle timeout: the person must sign in again', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, 'demo-two-teams');
    await page.goto(`${server.url}/tokens`);
    expect(new URL(page.url()).pathname).toBe('/tokens');
    await new Promise((r) => setTimeout(r, 2_500));
    await page.goto(`${server.url}/tokens`);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('end at the maximum age however active, and stay ended', async () => {
    const cookie = await signInAs(database.db, 'busy-person', ['mlreg-busy-viewer'], SECRET);
    const started = Date.now();
    const seen: [number, number][] = [];
    while (Date.now() - started < 7_500) {
      const res = await fetch(`${server.url}/api/v1/models`, { headers: { cookie } });
      seen.push([Date.now() - started, res.status]);
      await new Promise((r) => setTimeout(r, 700));
    }
    // Active all along (never 2 s idle): served until 6 s, refused from then on.
    expect(seen.filter(([at]) => at < 5_500).every(([, status]) => status === 200), JSON.stringify(seen)).toBe(true);
    expect(seen.filter(([at]) => at > 6_200).every(([, status]) => status === 401), JSON.stringify(seen)).toBe(true);
    const [ended] = await database.db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.subject, 'busy-person'));
    expect(ended!.sessions.endReason).toBe('expired');
  });

  it('sync teams and roles from the groups at sign-in, and record it in the audit trail', async () => {
    const [person] = await database.db.select().from(users).where(eq(users.subject, 'demo-two-teams'));
    const rows = await database.db
      .select({ team: teams.slug, role: memberships.role })
      .from(memberships)
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, person!.id));
    expect(rows.sort((a, b) => a.team.localeCompare(b.team))).toEqual([
      { team: 'recsys', role: 'contributor' },
      { team: 'vision', role: 'maintainer' },
    ]);
    const signIns = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.signed_in'), eq(auditLog.resourceId, person!.id)));
    expect(signIns.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(signIns[0]!.summary)).not.toContain('@');
  });
});

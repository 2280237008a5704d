import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Connection, openDatabase } from '../../db/client';
import { apiTokens, auditLog, events, teams } from '../../db/schema';
import { jobDatabase, startJobRunner } from '../../server/jobs/runner';
import { systemPrincipal } from '../../server/auth/principal';
import { appRouter } from '../../server/routers';
import { seedDemoData } from '../../server/services/seed/demo';
import { inProcessContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { api } from '../helpers/api';
import { appDatabase } from '../helpers/database';
import { registration, uniqueSlug } from '../helpers/fixtures';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tokenCli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/token.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'registry-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database (PGlite)', () => {
  let connection: Connection;
  afterAll(() => connection?.close());

  it('migrates, seeds demo data and serves the procedures', async () => {
    connection = await openDatabase({ driver: 'pglite', dataDir, socketPort: 0 });
    await connection.migrate();
    expect(await seedDemoData(connection.db)).toBe(true);
    expect(await seedDemoData(connection.db)).toBe(false);

    const caller = createCallerFactory(appRouter)(
      inProcessContext({ db: connection.db, driver: 'pglite', correlationId: 'pglite-smoke', principal: systemPrincipal('smoke test') }),
    );
    const page = await caller.models.list({ team: 'fraud', sort: 'name' });
    expect(page.items.map((m) => m.name)).toEqual(['chargeback-risk', 'fraud-detector']);
    const created = await caller.models.register(
      registration({ team: 'fraud', name: 'fraud-detector', version: '1.2.0' }) as never,
    );
    expect(created.model.latestVersion?.version).toBe('1.2.0');
    await expect(
      caller.models.register(registration({ team: 'fraud', name: 'fraud-detector', version: '1.2.0' }) as never),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const found = await caller.models.list({ q: 'merchant' });
    expect(found.items.map((m) => m.name)).toEqual(['fraud-detector']);
  });

  it('lets the token CLI in through its socket while this process holds the files', async () => {
    const port = await connection.serve!(0);
    expect(port).toBeGreaterThan(0);
    const { stdout, stderr } = await tokenCli(['create', '--team', 'newteam', '--create-team', '--scopes', 'read'], {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(stderr).toContain('Team "newteam" did not exist and was created.');
    const token = stdout.trim();
    expect(token).toMatch(/^mlr_[A-Za-z0-9_-]{43}$/);
    const [team] = await connection.db.select().from(teams).where(eq(teams.slug, 'newteam'));
    const [row] = await connection.db.select().from(apiTokens).where(eq(apiTokens.teamId, team!.id));
    expect(row).toMatchObject({ role: 'viewer', scopes: ['read'] });
  });

  it('works the job queue through its socket: every event is dispatched', async () => {
    const port = await connection.serve!(0);
    const runner = await startJobRunner(connection.db, jobDatabase({ driver: 'pglite', dataDir, socketPort: 0 }, port)!, 4);
    try {
      const caller = createCallerFactory(appRouter)(inProcessContext({ db: connection.db, driver: 'pglite', correlationId: 'pglite-jobs', principal: systemPrincipal('smoke test') }));
      for (const version of ['2.0.0', '2.1.0', '2.2.0']) await caller.models.register(registration({ team: 'fraud', name: 'queued', version }) as never);
      const undispatched = async () => (await connection.db.select({ id: events.id }).from(events).where(isNull(events.dispatchedAt))).length;
      const deadline = Date.now() + 15_000;
      while ((await undispatched()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await undispatched()).toBe(0);
    } finally {
      await runner.stop();
      // The socket server hears the engine's connections close a few turns later; the database
      // must still be open then (afterAll closes it).
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });
});

describe('npm run token on a Postgres server', () => {
  let db: Connection;
  afterAll(() => db?.close());

  it('creates a working token, lists it without its secret, and revokes it', async () => {
    db = await appDatabase();
    const team = uniqueSlug('cli');
    const env = { DATABASE_URL: (await import('vitest')).inject('appDatabaseUrl') };
    const typo = await tokenCli(['create', '--team', team, '--scopes', 'read'], env).catch((e: { code: number; stderr: string }) => e);
    expect(typo).toMatchObject({ code: 1, stderr: expect.stringContaining('pass --create-team to create it') });
    expect(await db.db.select().from(teams).where(eq(teams.slug, team))).toEqual([]);
    const created = await tokenCli(['create', '--team', team, '--create-team', '--scopes', 'read,write', '--name', 'ci-bot'], env);
    const token = created.stdout.trim();
    expect(created.stderr).toContain(`Team "${team}" did not exist and was created.`);
    expect(created.stderr).toContain('contributor; read, write');

    const registered = await api('/api/v1/models', { method: 'POST', token, body: registration({ name: 'from-cli' }) });
    expect(registered.status).toBe(201);
    expect(registered.body.model.team).toBe(team);

    const listed = await tokenCli(['list', '--team', team], env);
    expect(listed.stdout).toContain(token.slice(0, 12));
    expect(listed.stdout).not.toContain(token);

    await tokenCli(['revoke', token.slice(0, 12)], env);
    expect((await api('/api/v1/models', { token })).status).toBe(401);
    const actions = await db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .innerJoin(teams, eq(teams.id, auditLog.teamId))
      .where(eq(teams.slug, team));
    expect(actions.map((a) => a.action).sort()).toEqual(['model.created', 'team.created', 'token.created', 'token.revoked']);
  });

  it('refuses bad arguments with a clear message', async () => {
    const env = { DATABASE_URL: (await import('vitest')).inject('appDatabaseUrl') };
    const failure = await tokenCli(['create', '--team', 'Bad Team'], env).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('must be lowercase letters');
    const scopes = await tokenCli(['create', '--team', 'ok-team', '--scopes', 'read,admin'], env).catch((e: { stderr: string }) => e);
    expect((scopes as { stderr: string }).stderr).toContain('scopes are read, write, export');
    const tooLong = await tokenCli(['create', '--team', 'ok-team', '--expires-in-days', '366'], env).catch((e: { stderr: string }) => e);
    expect((tooLong as { stderr: string }).stderr).toContain('must be between 1 and 365');
  });
});

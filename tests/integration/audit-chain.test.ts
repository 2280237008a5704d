import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { systemPrincipal } from '../../server/auth/principal';
import { recordAudit } from '../../server/services/audit/record';
import { verifyAuditChains } from '../../server/services/audit/verify';
import { ensureTeam } from '../../server/services/teams/find';
import { freshDatabase } from '../helpers/database';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let database: Awaited<ReturnType<typeof freshDatabase>>;
const actor = { principal: systemPrincipal('audit test'), correlationId: 'audit-test' };

beforeAll(async () => {
  database = await freshDatabase();
  const teams = await Promise.all(['red', 'blue'].map((slug) => ensureTeam(database.db, slug)));
  // Concurrent appends from two teams and the platform chain, each in its own transaction.
  await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      database.db.transaction((tx) =>
        recordAudit(tx, actor, {
          teamId: i % 3 === 2 ? null : teams[i % 3]!.team.id,
          action: 'test.event',
          resourceType: 'model',
          resourceId: `r-${i}`,
          summary: { i, nested: { b: [1, 'two', null], a: true } },
        }),
      ),
    ),
  );
});
afterAll(() => database.close());

/** Runs SQL as the superuser with triggers off, as an intruder with database access would. */
async function tamper(query: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(query, values);
  } finally {
    await client.end();
  }
}

const verifyCli = () =>
  run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
  });

describe('the audit trail', () => {
  it('chains each team separately, with gapless sequences', async () => {
    const rows = await database.db.select().from(auditLog).orderBy(asc(auditLog.chainKey), asc(auditLog.seq));
    expect(rows).toHaveLength(60);
    const chains = [...new Set(rows.map((r) => r.chainKey))];
    expect(chains.map((key) => rows.filter((r) => r.chainKey === key).map((r) => r.seq))).toEqual([
      Array.from({ length: 20 }, (_, i) => i + 1),
      Array.from({ length: 20 }, (_, i) => i + 1),
      Array.from({ length: 20 }, (_, i) => i + 1),
    ]);
    expect(await verifyAuditChains(database.db)).toEqual({ chains: 3, records: 60, signaturesChecked: false, unsigned: 0, firstBroken: null });
    const { stdout } = await verifyCli();
    expect(stdout).toContain('Audit trail intact: 60 records in 3 chains.');
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(row!.n).toBe(60);
  });

  it('names the first altered record, and the CLI fails', async () => {
    const [victim] = await database.db.select().from(auditLog).where(eq(auditLog.resourceId, 'r-30'));
    await tamper(`update audit_log set summary = '{"i": 999}' where id = $1`, [victim!.id]);
    const result = await verifyAuditChains(database.db);
    expect(result.firstBroken).toMatchObject({ id: victim!.id, seq: victim!.seq, reason: 'its content no longer matches its hash' });
    const failure = await verifyCli().catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`at record ${victim!.seq} (id ${victim!.id})`);
  });

  it('notices a removed record', async () => {
    const fresh = await freshDatabase();
    try {
      const { team } = await ensureTeam(fresh.db, 'green');
      for (let i = 0; i < 5; i++) {
        await fresh.db.transaction((tx) => recordAudit(tx, actor, { teamId: team.id, action: 'a', resourceType: 'model', resourceId: `g-${i}` }));
      }
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      await client.query('set session_replication_role = replica');
      await client.query(`delete from audit_log where resource_id = 'g-2'`);
      await client.end();
      expect((await verifyAuditChains(fresh.db)).firstBroken).toMatchObject({ seq: 4, reason: 'record 3 is missing' });
    } finally {
      await fresh.close();
    }
  });
});

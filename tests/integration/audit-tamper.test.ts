import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoleGrants } from '../../db/app-role';
import { auditChains, auditLog, teams as teamsTable } from '../../db/schema';
import { auditHash } from '../../server/services/audit/hash';
import { verifyAuditChains } from '../../server/services/audit/verify';
import { freshDatabase } from '../helpers/database';
import { registration, tokenFor, uniqueSlug } from '../helpers/fixtures';
import { startNextServer } from '../setup/next-server';

// Production's two roles: the schema owner (here the test server's superuser) applied the
// migrations; the app runs as a role granted what db/app-role.ts says, and signs the audit trail
// with a key the database never sees.
const KEY = 'audit-signing-key-of-this-test-0123456789';
const APP_ROLE = `registry_app_${crypto.randomUUID().slice(0, 8)}`;
let owner: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof startNextServer>>;
let asApp: pg.Client;
const teams = [uniqueSlug('tamper-a'), uniqueSlug('tamper-b')];

beforeAll(async () => {
  owner = await freshDatabase();
  const ownerClient = new pg.Client({ connectionString: owner.url });
  await ownerClient.connect();
  await ownerClient.query(`create role ${APP_ROLE} login password 'app-password'`);
  for (const statement of appRoleGrants(APP_ROLE)) await ownerClient.query(statement);
  await ownerClient.end();
  const appUrl = new URL(owner.url);
  appUrl.username = APP_ROLE;
  appUrl.password = 'app-password';
  asApp = new pg.Client({ connectionString: appUrl.toString() });
  await asApp.connect();
  app = await startNextServer(
    { DATABASE_URL: appUrl.toString(), SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', AUDIT_SIGNING_KEY: KEY },
    `${process.cwd()}/.test-data/audit-tamper.log`,
  );
  for (const team of teams) {
    const token = await tokenFor(owner.db, team);
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) {
      const res = await fetch(`${app.url}/api/v1/models`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(registration({ name: 'audited', version })),
      });
      expect(res.status).toBe(201);
    }
  }
});
afterAll(async () => {
  await app?.stop();
  await asApp?.end();
  await owner?.close();
});

/** The last record of a team's chain (its key is the team's id) and the chain's head. */
async function lastRecordOf(slug: string) {
  const [team] = await owner.db.select().from(teamsTable).where(eq(teamsTable.slug, slug));
  const [record] = await owner.db.select().from(auditLog).where(eq(auditLog.chainKey, team!.id)).orderBy(desc(auditLog.seq)).limit(1);
  const [head] = await owner.db.select().from(auditChains).where(eq(auditChains.chainKey, team!.id));
  return { record: record!, head: head! };
}

/** As the owner, who can switch the append-only trigger off (the app's role cannot). */
async function asOwner(statements: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: owner.url });
  await client.connect();
  try {
    await client.query('alter table audit_log disable trigger user');
    await statements(client);
    await client.query('alter table audit_log enable trigger user');
  } finally {
    await client.end();
  }
}

describe("the app's own database role", () => {
  it('may append to the audit trail (the app just did) but not change, remove or unprotect it', async () => {
    expect((await verifyAuditChains(owner.db, { signingKey: KEY })).firstBroken).toBeNull();
    for (const statement of [
      `update audit_log set action = 'forged'`,
      'delete from audit_log',
      'truncate audit_log',
      'alter table audit_log disable trigger user',
      'drop trigger audit_log_no_update_or_delete on audit_log',
    ]) {
      await expect(asApp.query(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
  });
});

describe('npm run audit:verify with the signing key', () => {
  it('reports a tail rewritten with recomputed hashes, which hashes alone cannot show', async () => {
    const { record, head } = await lastRecordOf(teams[0]!);
    const forged = { ...record, summary: { ...record.summary, version: '9.9.9' } };
    const forgedHash = auditHash(forged);
    await asOwner(async (client) => {
      await client.query('update audit_log set summary = $1, hash = $2 where id = $3', [forged.summary, forgedHash, record.id]);
      await client.query('update audit_chains set last_hash = $1 where chain_key = $2', [forgedHash, head.chainKey]);
    });
    expect((await verifyAuditChains(owner.db)).firstBroken).toBeNull(); // the hashes all agree
    const verified = await verifyAuditChains(owner.db, { signingKey: KEY });
    expect(verified.firstBroken).toMatchObject({ chainKey: head.chainKey, seq: record.seq, reason: expect.stringContaining('signature does not match') });

    const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.resolve('scripts/audit-verify.ts')], {
      env: { ...process.env, DATABASE_URL: owner.url, AUDIT_SIGNING_KEY: KEY },
    }).catch((failure: { code: number; stderr: string }) => failure);
    expect(cli).toMatchObject({ code: 1, stderr: expect.stringContaining(`BROKEN in chain ${head.chainKey} at record ${record.seq}`) });

    // Put it back exactly as it was: intact again.
    await asOwner(async (client) => {
      await client.query('update audit_log set summary = $1, hash = $2 where id = $3', [record.summary, record.hash, record.id]);
      await client.query('update audit_chains set last_hash = $1 where chain_key = $2', [head.lastHash, head.chainKey]);
    });
    expect((await verifyAuditChains(owner.db, { signingKey: KEY })).firstBroken).toBeNull();
  });

  it('reports records cut from the end of a chain with its head moved back', async () => {
    const { record, head } = await lastRecordOf(teams[1]!);
    await asOwner(async (client) => {
      await client.query('delete from audit_log where id = $1', [record.id]);
      await client.query('update audit_chains set last_seq = $1, last_hash = $2 where chain_key = $3', [record.seq - 1, record.prevHash, head.chainKey]);
    });
    expect((await verifyAuditChains(owner.db)).firstBroken).toBeNull();
    expect((await verifyAuditChains(owner.db, { signingKey: KEY })).firstBroken).toMatchObject({
      chainKey: head.chainKey,
      reason: expect.stringContaining("chain head's signature does not match"),
    });
  });
});

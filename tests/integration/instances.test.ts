import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema';
import { hashToken } from '../../server/services/tokens/secret';
import { freshDatabase } from '../helpers/database';
import { tokenFor } from '../helpers/fixtures';
import { startNextServer } from '../setup/next-server';

// Several instances of the app on one database, as behind a load balancer: what one instance
// keeps for itself (a token's principal, for a second) must not outlive a change made elsewhere.
let database: Awaited<ReturnType<typeof freshDatabase>>;
let servers: Awaited<ReturnType<typeof startNextServer>>[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  const env = { DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
  servers = await Promise.all([
    startNextServer(env, `${process.cwd()}/.test-data/instance-a.log`),
    startNextServer(env, `${process.cwd()}/.test-data/instance-b.log`),
  ]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database.close();
});

const statusOn = async (url: string, token: string) =>
  (await fetch(`${url}/api/v1/models`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('instances on one database', () => {
  it('refuse a token revoked elsewhere within a second, though each had just used it', async () => {
    const token = await tokenFor(database.db, 'revoked-elsewhere');
    for (const server of servers) expect(await statusOn(server.url, token)).toBe(200);
    // Revoked by a third party (another instance, an operator): neither instance hears of it.
    await database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.secretHash, hashToken(token)));
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    for (const server of servers) expect(await statusOn(server.url, token)).toBe(401);
  });
});

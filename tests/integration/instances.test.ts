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
  const env = { DATABASE_URL: database.url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10' };
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

  it('count a client by its socket address, whatever address headers it sends', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const spoofed = `203.0.113.${i}`;
      const response = await fetch(`${servers[0]!.url}/api/v1/models`, { headers: { 'x-registry-peer-address': spoofed, 'x-forwarded-for': spoofed } });
      statuses.push(response.status);
    }
    // One allowance of 10 for 127.0.0.1 (start-up health checks included), not one per header.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
  });
});

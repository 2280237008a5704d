import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { openDatabase } from '../db/client';
import { users, modelVersions, teams } from '../db/schema';
import { createToken } from '../server/services/tokens/create';
import { startNextServer } from '../tests/setup/next-server';
import { load } from './bench/measure';
const url = process.argv[2]!;
const c = await openDatabase({ driver: 'pg', url, poolMax: 2 });
await c.migrate();
const [person] = await c.db.insert(users).values({ subject: 'lat-' + Date.now(), name: 'A', isAdmin: true }).returning();
const secret = randomBytes(32).toString('base64url');
const session = await encode({ token: { sub: person!.id, name: 'A', signedInAt: Math.floor(Date.now() / 1000) }, secret });
const [team] = await c.db.select().from(teams).limit(1);
const { token } = await createToken(c.db, { name: 'b', teamId: team!.id, role: 'viewer', scopes: ['read'], expiresAt: new Date(Date.now() + 3600e3), createdBy: null });
const [v] = await c.db.select().from(modelVersions).where(eq(modelVersions.teamId, team!.id)).limit(1);
const server = await startNextServer({ DATABASE_URL: url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', OIDC_ISSUER: 'http://127.0.0.1:9/x', OIDC_CLIENT_ID: 'b', OIDC_CLIENT_SECRET: 'b', NEXTAUTH_SECRET: secret, RATE_LIMIT_USER_PER_MINUTE: '100000000', RATE_LIMIT_TOKEN_PER_MINUTE: '100000000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000' }, '/tmp/lat.log');
const path = `/api/v1/models/${v!.modelId}/${v!.version}`;
for (const [label, headers, p] of [['health', {}, '/api/v1/health'], ['version/session', { cookie: `next-auth.session-token=${session}` }, path], ['version/token', { authorization: `Bearer ${token}` }, path], ['trpc version/token', { authorization: `Bearer ${token}` }, `/api/trpc/versions.get?input=${encodeURIComponent(JSON.stringify({ modelId: v!.modelId, version: v!.version }))}`]] as const) {
  await load({ url: server.url, headers: headers as Record<string, string>, connections: 1, amount: 200, next: () => ({ path: p }) });
  const r = await load({ url: server.url, headers: headers as Record<string, string>, connections: 1, amount: 500, next: () => ({ path: p }) });
  console.log(label, JSON.stringify(r.latency), JSON.stringify(r.statuses));
}
await server.stop(); await c.close(); process.exit(0);

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { type Connection, openDatabase } from '../../db/client';
import { databaseConfig } from '../../db/config';
import { systemPrincipal } from '../../server/auth/principal';
import { appRouter } from '../../server/routers';
import { ensureTeam } from '../../server/services/teams/find';
import { inProcessContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { freshDatabase } from '../helpers/database';
import { registration } from '../helpers/fixtures';

// Neon's driver speaks the Postgres protocol over WebSockets. This relay is what Neon's proxy
// does in front of its servers, so the driver runs for real against the test's Postgres.
let relay: WebSocketServer;
let relayAddress: string;

beforeAll(async () => {
  relay = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  relay.on('connection', (socket, request) => {
    const [host, port] = new URL(request.url!, 'http://relay').searchParams.get('address')!.split(':');
    const tcp = net.connect(Number(port), host);
    socket.on('message', (data: Buffer) => tcp.write(data));
    tcp.on('data', (data) => socket.send(data));
    socket.on('close', () => tcp.destroy());
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.close());
  });
  await new Promise((resolve) => relay.once('listening', resolve));
  relayAddress = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => relay.close(resolve)));

describe('driver choice', () => {
  it('takes Neon for a neon.tech URL or DATABASE_DRIVER=neon, node-postgres for other URLs, PGlite without one', () => {
    expect(databaseConfig({ DATABASE_URL: 'postgres://u:p@ep-cool-1.eu-central-1.aws.neon.tech/db' }).driver).toBe('neon');
    expect(databaseConfig({ DATABASE_URL: 'postgres://u:p@db.internal/db', DATABASE_DRIVER: 'neon' }).driver).toBe('neon');
    expect(databaseConfig({ DATABASE_URL: 'postgres://u:p@db.internal/db' }).driver).toBe('pg');
    expect(databaseConfig({}).driver).toBe('pglite');
  });
});

describe('the Neon serverless driver', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let neon: Connection;
  afterAll(async () => {
    await neon?.close();
    await database?.close();
  });

  it('migrates, registers in a transaction and lists', async () => {
    database = await freshDatabase();
    neon = await openDatabase({ driver: 'neon', url: database.url, poolMax: 4, wsProxy: relayAddress });
    await neon.migrate();
    await ensureTeam(neon.db, 'edge');
    const caller = createCallerFactory(appRouter)(
      inProcessContext({ db: neon.db, driver: 'neon', correlationId: 'neon-test', principal: systemPrincipal('neon test') }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => caller.models.register(registration({ team: 'edge', name: 'on-neon' }) as never)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const page = await caller.models.list({ team: 'edge' });
    expect(page.items.map((m) => [m.name, m.versionCount])).toEqual([['on-neon', 1]]);
  });
});

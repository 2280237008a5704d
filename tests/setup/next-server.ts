import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './postgres';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The production build served as `npm start` serves it (scripts/serve.ts), with its output in a
 * log file; `nextOnly` serves it with `next start` instead, as a host that cannot run the portal's
 * own server would (every request through Next.js's routes).
 */
export async function startNextServer(env: Record<string, string>, logFile: string, port?: number, options: { nextOnly?: boolean } = {}) {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first (`npm test` does).');
  }
  port ??= await freePort();
  const log = createWriteStream(logFile);
  const args = options.nextOnly
    ? [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)]
    : ['--import', 'tsx', path.join(root, 'scripts/serve.ts')];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // `npm run test:coverage` collects the V8 coverage of every app process it starts.
      ...(process.env.REGISTRY_SERVER_COVERAGE_DIR ? { NODE_V8_COVERAGE: process.env.REGISTRY_SERVER_COVERAGE_DIR } : {}),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/v1/health`).catch(() => null))?.status === 200, child, logFile);
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitFor(ready: () => Promise<boolean>, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}; see ${logFile}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the portal did not become healthy within 60 s; see ${logFile}`);
}

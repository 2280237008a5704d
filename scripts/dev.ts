// `npm run dev`: the portal in development mode, and beside it the local OpenID provider with
// demo people unless an external issuer is configured (OIDC_ISSUER).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalIdp } from './local-idp';

const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PUBLIC_URL: publicUrl };
env.NEXTAUTH_URL ??= publicUrl;
env.NEXTAUTH_SECRET ??= devSecret();

let idp: Awaited<ReturnType<typeof startLocalIdp>> | null = null;
if (!process.env.OIDC_ISSUER) {
  const idpPort = Number(process.env.LOCAL_IDP_PORT ?? port + 1);
  idp = await startLocalIdp({
    port: idpPort,
    host: 'localhost',
    redirectUris: [`${publicUrl}/api/auth/callback/oidc`],
  });
  Object.assign(env, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_PROVIDER_NAME: 'Local demo provider',
    OIDC_LOCAL_DEMO: 'true',
  });
  console.log(`Local OpenID provider at ${idp.issuer} (demo people: see ${publicUrl}/signin)`);
}

const next = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'serve.ts'), '--dev'], {
  env,
  stdio: 'inherit',
});
const stop = () => next.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', async (code) => {
  await idp?.close();
  process.exit(code ?? 0);
});

/** A session secret kept in the data directory, so development sessions survive restarts. */
function devSecret(): string {
  const dir = path.resolve(process.env.DATA_DIR ?? '.data');
  const file = path.join(dir, 'dev-auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../server/observability/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ ...loggerOptions, level: 'debug' }, stream), output: () => lines.join('') };
}

describe('logs', () => {
  it('never hold tokens, cookies, authorization headers, client secrets or e-mail addresses in clear', () => {
    const { log, output } = capture();
    const token = 'mlr_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd';
    log.info({ headers: { authorization: `Bearer ${token}`, cookie: 'next-auth.session-token=eyJhbGciOi.secret' } }, 'request');
    log.info({ config: { clientSecret: 'oidc-client-secret-value', OIDC_CLIENT_SECRET: 'oidc-client-secret-value' } }, 'settings');
    log.warn({ user: { email: 'dana@example.com', name: 'Dana' } }, 'signed in dana@example.com');
    log.error({ err: new Error(`token ${token} rejected for carl@example.test`) }, `failed with Bearer ${token}`);
    log.info(`raw message with ${token}`);
    const text = output();
    for (const secret of [token, 'eyJhbGciOi.secret', 'oidc-client-secret-value', 'dana@example.com', 'carl@example.test']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"name":"Dana"');
    expect(text).toContain('[redacted]');
  });
});

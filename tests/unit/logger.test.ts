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

  it('keep what an error says: its type, message, stack and cause, with secrets still removed', () => {
    const { log, output } = capture();
    const token = 'mlr_ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210-_wxyz';
    const cause = new Error(`connect ECONNREFUSED for ${token}`);
    const failure = Object.assign(new Error('Failed query: select 1', { cause }), { query: 'select 1', params: [token] });
    log.error({ err: failure, correlationId: 'c-1' }, 'procedure failed');
    log.error({ err: new TypeError('plain failure') }, 'unhandled error');
    const [first, second] = output().trim().split('\n').map((line) => JSON.parse(line));
    expect(first.err).toMatchObject({ type: 'Error', message: 'Failed query: select 1', query: 'select 1' });
    expect(first.err.stack).toContain('logger.test.ts');
    expect(first.err.cause).toMatchObject({ type: 'Error', message: 'connect ECONNREFUSED for mlr_[redacted]' });
    expect(second.err).toMatchObject({ type: 'TypeError', message: 'plain failure' });
    expect(second.err.stack).toMatch(/^TypeError: plain failure\n\s+at /);
    expect(output()).not.toContain(token);
  });
});

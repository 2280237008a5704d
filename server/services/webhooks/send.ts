import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type DestinationRules, RefusedDestination, assertReachable, destinationProblem } from './destination';

export interface SendOptions extends DestinationRules {
  timeoutMs: number;
}

export interface SendOutcome {
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  /** The endpoint's Retry-After, in seconds, when it sent one. */
  retryAfterSeconds: number | null;
}

// What is kept of a response, and the most that is read of it: an endpoint cannot make the
// worker hold a large or endless body.
const EXCERPT_BYTES = 1_024;
const READ_LIMIT_BYTES = 64 * 1_024;

/** Resolves as Node would, refusing the whole answer if any address is not public (DNS rebinding included). */
const guardedLookup =
  (url: URL, rules: DestinationRules): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      try {
        for (const a of addresses) assertReachable(url, a.address, rules);
      } catch (refused) {
        return callback(refused as Error, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

function retryAfter(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

/**
 * POSTs one delivery. Never follows a redirect; gives up after the timeout; reads at most 64 KiB
 * of the answer. The resolved addresses are checked before connecting and the connected address
 * again after, so a name that resolves differently the second time still reaches nothing private.
 */
export function send(rawUrl: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendOutcome> {
  const started = performance.now();
  const done = (fields: Partial<SendOutcome>): SendOutcome => ({
    statusCode: null,
    responseExcerpt: null,
    error: null,
    retryAfterSeconds: null,
    ...fields,
    durationMs: Math.round(performance.now() - started),
  });
  const problem = destinationProblem(rawUrl, options);
  if (problem) return Promise.resolve(done({ error: `refused: the URL ${problem}` }));
  const url = new URL(rawUrl);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'model-registry-webhooks', ...headers },
        lookup: guardedLookup(url, options),
        agent: false,
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          const status = response.statusCode ?? 0;
          const location = status >= 300 && status < 400 ? response.headers.location : undefined;
          resolve(
            done({
              statusCode: status,
              responseExcerpt: excerpt || null,
              error: location ? `redirect to ${location} not followed` : null,
              retryAfterSeconds: retryAfter(response.headers['retry-after']),
            }),
          );
        };
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (chunks.reduce((n, c) => n + c.length, 0) < EXCERPT_BYTES) chunks.push(chunk);
          if (read >= READ_LIMIT_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('socket', (socket) => {
      socket.on('connect', () => {
        try {
          assertReachable(url, socket.remoteAddress ?? '', options);
        } catch (refused) {
          request.destroy(refused as Error);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error) => {
      const message = error instanceof RefusedDestination ? error.message : `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}`;
      resolve(done({ error: message }));
    });
    request.end(body);
  });
}

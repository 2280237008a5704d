import { describe, expect, it } from 'vitest';
import { destinationProblem, forbiddenRange } from '../../server/services/webhooks/destination';
import { verdictOf } from '../../server/services/webhooks/deliver';

const outcome = (statusCode: number | null, extra: { error?: string; retryAfterSeconds?: number } = {}) => ({
  statusCode,
  durationMs: 5,
  responseExcerpt: null,
  error: extra.error ?? null,
  retryAfterSeconds: extra.retryAfterSeconds ?? null,
});
const SCHEDULE = [5, 300, 1800];
const midJitter = () => 0.5; // no jitter: (0.5 * 2 - 1) = 0

describe('verdictOf', () => {
  it('counts only 2xx as delivered', () => {
    expect(verdictOf(outcome(204), 1, SCHEDULE)).toEqual({ status: 'succeeded' });
    for (const code of [301, 302, 400, 404, 500, 503]) expect(verdictOf(outcome(code), 1, SCHEDULE, midJitter).status).toBe('pending');
    expect(verdictOf(outcome(200, { error: 'cut short' }), 1, SCHEDULE, midJitter).status).toBe('pending');
  });

  it('disables the endpoint on 410 and gives up after the schedule', () => {
    expect(verdictOf(outcome(410), 1, SCHEDULE)).toEqual({ status: 'failed', disable: 'the endpoint answered 410 Gone' });
    expect(verdictOf(outcome(500), 4, SCHEDULE)).toEqual({ status: 'failed' });
  });

  it('waits the schedule with up to 20% jitter either way, or longer when Retry-After asks (at most a day)', () => {
    const delay = (v: ReturnType<typeof verdictOf>) => ('retryAt' in v ? (v.retryAt.getTime() - Date.now()) / 1000 : Number.NaN);
    expect(delay(verdictOf(outcome(500), 2, SCHEDULE, midJitter))).toBeCloseTo(300, 0);
    expect(delay(verdictOf(outcome(500), 2, SCHEDULE, () => 0))).toBeCloseTo(240, 0);
    expect(delay(verdictOf(outcome(500), 2, SCHEDULE, () => 0.9999))).toBeCloseTo(360, 0);
    expect(delay(verdictOf(outcome(429, { retryAfterSeconds: 3600 }), 1, SCHEDULE, midJitter))).toBeCloseTo(3600, 0);
    expect(delay(verdictOf(outcome(429, { retryAfterSeconds: 10 ** 7 }), 1, SCHEDULE, midJitter))).toBeCloseTo(86_400, 0);
  });
});

describe('destinations', () => {
  it('names the range of every address that is not public unicast, IPv4-mapped forms included', () => {
    expect(forbiddenRange('93.184.216.34')).toBeNull();
    expect(forbiddenRange('2606:2800:220:1:248:1893:25c8:1946')).toBeNull();
    expect(forbiddenRange('127.0.0.1')).toBe('loopback');
    expect(forbiddenRange('::ffff:127.0.0.1')).toBe('loopback');
    expect(forbiddenRange('::ffff:10.0.0.1')).toBe('private');
    expect(forbiddenRange('169.254.169.254')).toBe('linkLocal');
    expect(forbiddenRange('fd00:ec2::254')).toBe('uniqueLocal');
    expect(forbiddenRange('fe80::1')).toBe('linkLocal');
    expect(forbiddenRange('100.64.0.1')).toBe('carrierGradeNat');
    expect(forbiddenRange('64:ff9b::a9fe:a9fe')).not.toBeNull(); // NAT64 of the metadata address
  });

  it('wants https, no credentials, and no literal private address unless the host is allowed', () => {
    const rules = { allowHosts: ['127.0.0.1'] };
    expect(destinationProblem('https://hooks.example.com/x', rules)).toBeNull();
    expect(destinationProblem('http://hooks.example.com/x', rules)).toBe('must use https');
    expect(destinationProblem('http://127.0.0.1:8080/x', rules)).toBeNull();
    expect(destinationProblem('https://[::ffff:7f00:1]/x', rules)).toContain('loopback');
    expect(destinationProblem('https://a:b@hooks.example.com/x', rules)).toContain('credentials');
    expect(destinationProblem('not a url', rules)).toBe('must be an absolute URL');
  });
});

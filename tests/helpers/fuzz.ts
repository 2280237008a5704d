import fc from 'fast-check';
import { expect } from 'vitest';
import type { ApiResponse } from './api';

/** Generated requests per endpoint. */
export const FUZZ_RUNS = 1000;

/** Shrinking through HTTP takes minutes; the failing input is in the assertion message anyway. */
export const fuzzOptions = { numRuns: FUZZ_RUNS, endOnFailure: true } as const;

/** A refusal as the contract says: a 4xx with a coded error whose traceId is the correlation id. */
export function expectRefusal(res: ApiResponse, input: unknown) {
  const context = JSON.stringify(input);
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  expect(res.body.error?.code, context).toMatch(/^[A-Z_]+$/);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.traceId).toBe(res.headers.get('x-correlation-id'));
}

/** Strings a path segment may hold: arbitrary text, percent-encoded or raw, and near misses. */
export const pathSegment = (nearMisses: string[]) =>
  fc.oneof(
    fc.string({ maxLength: 60 }).map(encodeURIComponent),
    fc.string({ maxLength: 20 }),
    fc.constantFrom(...nearMisses, '%', '%E0%A4%A', '..', '%2F', '%00', 'null', ' ', '\u00e9'),
    fc.uuid().map((u) => u.toUpperCase()),
  );

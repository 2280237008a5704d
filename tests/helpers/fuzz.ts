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

/** A valid body with fields replaced by arbitrary JSON and unknown keys added, or any JSON at all. */
export const bent = (valid: Record<string, unknown>, fields: string[]) =>
  fc.oneof(
    fc
      .record({
        replace: fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 2 }),
        extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !fields.includes(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 1 }),
      })
      .map(({ replace, extra }) => ({ ...valid, ...replace, ...extra })),
    fc.jsonValue({ maxDepth: 3 }),
  );

/**
 * Sends `runs` generated bodies, skipping those the schema accepts (they would succeed), checks
 * each answer is a refusal in the contract's shape, and that `state` (everything the endpoint
 * could change) is the same after all of them.
 */
export async function fuzzRefusals(
  state: () => Promise<string>,
  send: (body: unknown) => Promise<ApiResponse>,
  bodies: fc.Arbitrary<unknown>,
  accepted: (body: unknown) => boolean,
  runs = FUZZ_RUNS,
) {
  const before = await state();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(bodies, async (body) => {
      fc.pre(!accepted(body));
      sent++;
      expectRefusal(await send(body), body);
    }),
    { ...fuzzOptions, numRuns: runs },
  );
  expect(sent).toBeGreaterThanOrEqual(runs);
  expect(await state()).toBe(before);
}

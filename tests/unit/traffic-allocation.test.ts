import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../server/services/deployments/allocate';

const share = (version: string, percent: number) => ({ versionId: `id-${version}`, version, percent });

describe('allocate', () => {
  it('gives a canary its share and the rest to what served, in its proportions', () => {
    expect(allocate([share('1', 100)], { versionId: 'id-2', version: '2' }, 10)).toEqual([share('2', 10), share('1', 90)]);
    expect(allocate([share('1', 90), share('2', 10)], { versionId: 'id-3', version: '3' }, 33)).toEqual([share('3', 33), share('1', 60), share('2', 7)]);
  });

  it('moves a version already serving to its new share', () => {
    expect(allocate([share('1', 90), share('2', 10)], { versionId: 'id-2', version: '2' }, 50)).toEqual([share('2', 50), share('1', 50)]);
  });

  it('replaces everything at 100%, and refuses less for the first version of an environment', () => {
    expect(allocate([share('1', 60), share('2', 40)], { versionId: 'id-3', version: '3' }, 100)).toEqual([share('3', 100)]);
    expect(() => allocate([], { versionId: 'id-1', version: '1' }, 40)).toThrow(/must take all of its traffic/);
  });

  it('always sums to 100 with whole percentages, whatever served before', () => {
    const serving = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }).map((ps) => {
      const total = ps.reduce((a, b) => a + b, 0);
      const scaled = ps.map((p) => Math.max(1, Math.floor((p * 100) / total)));
      scaled[0]! += 100 - scaled.reduce((a, b) => a + b, 0);
      return scaled.map((p, i) => share(String(i), p)).filter((s) => s.percent > 0);
    });
    fc.assert(
      fc.property(serving, fc.integer({ min: 1, max: 100 }), fc.boolean(), (current, percent, existing) => {
        const next = existing ? current[0]! : { versionId: 'id-new', version: 'new' };
        fc.pre(current.some((s) => s.versionId !== next.versionId) || percent === 100);
        const result = allocate(current, next, percent);
        expect(result.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
        expect(result.every((s) => Number.isInteger(s.percent) && s.percent > 0)).toBe(true);
        expect(result[0]).toMatchObject({ versionId: next.versionId, percent });
        expect(new Set(result.map((s) => s.versionId)).size).toBe(result.length);
      }),
    );
  });
});

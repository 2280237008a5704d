import { describe, expect, it } from 'vitest';
import { formatRelative, formatUtc } from '../../components/time/timestamp';

const now = new Date('2026-11-30T12:00:00Z');

describe('times as people read them', () => {
  it('name their zone', () => {
    expect(formatUtc('2026-11-30T07:05:09.123Z')).toBe('2026-11-30 07:05 UTC');
    expect(formatUtc('2026-11-30T07:05:09.123+02:00', 'second')).toBe('2026-11-30 05:05:09 UTC');
  });

  it('say how long ago in the largest whole unit', () => {
    expect(formatRelative('2026-11-30T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-11-30T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatRelative('2026-11-30T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-29T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-11-16T12:00:00Z', now)).toBe('2 weeks ago');
    expect(formatRelative('2025-11-30T12:00:00Z', now)).toBe('last year');
    expect(formatRelative('2026-11-30T12:10:00Z', now)).toBe('in 10 minutes');
  });
});

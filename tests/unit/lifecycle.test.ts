import { describe, expect, it } from 'vitest';
import { VERSION_STATES } from '../../db/schema/vocabulary';
import { AppError } from '../../server/errors/app-error';
import { LIFECYCLE_EDGES, REVIEWABLE_FROM, edgeOrConflict } from '../../server/services/governance/lifecycle';

const KINDS = ['review', 'decision', 'withdrawal', 'transition'] as const;

describe('the lifecycle', () => {
  it('allows exactly its edges, each by its own kind, and refuses every other move with the allowed ones named', () => {
    let allowed = 0;
    let refused = 0;
    for (const from of VERSION_STATES) {
      for (const to of VERSION_STATES) {
        for (const kind of KINDS) {
          const edge = LIFECYCLE_EDGES.find((e) => e.from === from && e.to === to && e.kind === kind);
          if (edge) {
            expect(edgeOrConflict(from, to, kind)).toBe(edge);
            allowed++;
            continue;
          }
          try {
            edgeOrConflict(from, to, kind);
            throw new Error(`${from} → ${to} by ${kind} was allowed`);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const { code, message, details } = error as AppError;
            expect(code).toBe('CONFLICT');
            expect(message).toContain(`A ${from} version cannot move to ${to}`);
            expect((details as { allowed: { to: string }[] }).allowed.map((a) => a.to)).toEqual(LIFECYCLE_EDGES.filter((e) => e.from === from).map((e) => e.to));
            refused++;
          }
        }
      }
    }
    expect(allowed).toBe(LIFECYCLE_EDGES.length);
    expect(refused).toBe(VERSION_STATES.length ** 2 * KINDS.length - LIFECYCLE_EDGES.length);
  });

  it('ends in retired, which nothing leaves, and reaches production only through approval', () => {
    expect(LIFECYCLE_EDGES.filter((e) => e.from === 'retired')).toEqual([]);
    expect(() => edgeOrConflict('retired', 'draft', 'transition')).toThrow('Allowed from retired: none: it is final');
    expect(LIFECYCLE_EDGES.filter((e) => e.to === 'production').map((e) => e.from)).toEqual(['approved_prod']);
    expect(LIFECYCLE_EDGES.filter((e) => e.to === 'approved_prod' || e.to === 'approved_staging').every((e) => e.kind === 'decision' && e.role === 'maintainer')).toBe(true);
    expect(REVIEWABLE_FROM).toEqual({ staging: ['draft', 'changes_requested'], production: ['staging'] });
  });
});

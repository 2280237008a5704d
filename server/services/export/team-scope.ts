/**
 * A set of teams: all of them, the listed ones, or all but the listed ones. The export compares
 * the teams a caller can read now with those it could read when its cursor was issued.
 */
export type TeamScope = { all: true } | { in: string[] } | { notIn: string[] };

const ALL: TeamScope = { all: true };
const NONE: TeamScope = { in: [] };

export const scopeOf = (teams: 'all' | string[]): TeamScope => (teams === 'all' ? ALL : { in: teams });

const contains = (scope: TeamScope, teamId: string) =>
  'all' in scope ? true : 'in' in scope ? scope.in.includes(teamId) : !scope.notIn.includes(teamId);

export const isEmpty = (scope: TeamScope) => 'in' in scope && scope.in.length === 0;

/** Teams in both. */
export function intersect(a: 'all' | string[], b: 'all' | string[]): TeamScope {
  if (a === 'all') return scopeOf(b);
  if (b === 'all') return scopeOf(a);
  return { in: a.filter((id) => b.includes(id)) };
}

/** Teams in `a` but not in `b`. */
export function subtract(a: 'all' | string[], b: 'all' | string[]): TeamScope {
  if (b === 'all') return NONE;
  if (a === 'all') return { notIn: b };
  return { in: a.filter((id) => !b.includes(id)) };
}

/** Narrows a scope to the one team a caller asked for, if any. */
export const narrowTo = (scope: TeamScope, teamId: string | undefined): TeamScope =>
  teamId === undefined ? scope : contains(scope, teamId) ? { in: [teamId] } : NONE;

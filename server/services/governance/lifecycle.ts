import { VERSION_STATES } from '@/db/schema/vocabulary';
import { conflict } from '../../errors/app-error';
import { EDGE_KINDS, type Environment, type LifecycleEdge, type VersionState } from '../../schemas/lifecycle';

// The lifecycle of a version (seed 003), as data: served at GET /api/v1/lifecycle, drawn in the
// README, and the only place a transition is allowed from.
export const LIFECYCLE_EDGES: readonly LifecycleEdge[] = [
  { from: 'draft', to: 'submitted', kind: 'review', role: 'contributor', action: 'Submit for staging review' },
  { from: 'changes_requested', to: 'submitted', kind: 'review', role: 'contributor', action: 'Resubmit for staging review' },
  { from: 'submitted', to: 'draft', kind: 'withdrawal', role: 'contributor', action: 'Withdraw the staging review' },
  { from: 'submitted', to: 'changes_requested', kind: 'decision', role: 'maintainer', action: 'Request changes' },
  { from: 'submitted', to: 'approved_staging', kind: 'decision', role: 'maintainer', action: "Approve for staging (moves once the policy's approvals are in)" },
  { from: 'approved_staging', to: 'staging', kind: 'transition', role: 'contributor', action: 'Promote to staging' },
  { from: 'staging', to: 'approved_prod', kind: 'decision', role: 'maintainer', action: 'Approve for production (on an open production review)' },
  { from: 'approved_prod', to: 'production', kind: 'transition', role: 'contributor', action: 'Promote to production' },
  { from: 'approved_staging', to: 'deprecated', kind: 'transition', role: 'maintainer', action: 'Deprecate' },
  { from: 'staging', to: 'deprecated', kind: 'transition', role: 'maintainer', action: 'Deprecate' },
  { from: 'approved_prod', to: 'deprecated', kind: 'transition', role: 'maintainer', action: 'Deprecate' },
  { from: 'production', to: 'deprecated', kind: 'transition', role: 'maintainer', action: 'Deprecate' },
  { from: 'draft', to: 'retired', kind: 'transition', role: 'maintainer', action: 'Retire without release' },
  { from: 'changes_requested', to: 'retired', kind: 'transition', role: 'maintainer', action: 'Retire without release' },
  { from: 'deprecated', to: 'retired', kind: 'transition', role: 'maintainer', action: 'Retire' },
];

export const LIFECYCLE = { states: [...VERSION_STATES], initial: 'draft' as const, edges: [...LIFECYCLE_EDGES], kinds: EDGE_KINDS };

/** States from which a review for the environment may be opened. */
export const REVIEWABLE_FROM: Record<Environment, readonly VersionState[]> = {
  staging: ['draft', 'changes_requested'],
  production: ['staging'],
};

/** The edge from→to of this kind, or a 409 naming the moves the version's state allows. */
export function edgeOrConflict(from: VersionState, to: VersionState, kind: LifecycleEdge['kind']): LifecycleEdge {
  const edge = LIFECYCLE_EDGES.find((e) => e.from === from && e.to === to);
  if (edge && edge.kind === kind) return edge;
  const allowed = LIFECYCLE_EDGES.filter((e) => e.from === from);
  const listed = allowed.length ? allowed.map((e) => `${e.to} (${e.action.toLowerCase()})`).join(', ') : 'none: it is final';
  const how = edge ? ` This move is ${EDGE_KINDS[edge.kind]}.` : '';
  throw conflict(`A ${from} version cannot move to ${to}.${how} Allowed from ${from}: ${listed}`, {
    from,
    to,
    allowed: allowed.map(({ to, kind, action }) => ({ to, kind, action })),
  });
}

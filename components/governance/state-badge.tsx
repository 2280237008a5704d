import type { VersionState } from '@/server/schemas/lifecycle';

const TONE: Record<VersionState, string> = {
  draft: 'bg-slate-100 text-slate-800',
  submitted: 'bg-amber-100 text-amber-900',
  changes_requested: 'bg-orange-100 text-orange-900',
  approved_staging: 'bg-sky-100 text-sky-900',
  staging: 'bg-sky-200 text-sky-950',
  approved_prod: 'bg-emerald-100 text-emerald-900',
  production: 'bg-emerald-600 text-white',
  deprecated: 'bg-slate-300 text-slate-900',
  retired: 'bg-slate-700 text-white',
};

/** A version's lifecycle state as a badge; the words, not only the colour, say which. */
export function StateBadge({ state }: { state: VersionState }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONE[state]}`}>{state.replace('_', ' ')}</span>;
}

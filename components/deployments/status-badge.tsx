import type { Deployment } from '@/server/schemas/deployment';

const TONE: Record<Deployment['status'], string> = {
  not_deployed: 'bg-slate-100 text-slate-800',
  requested: 'bg-amber-100 text-amber-900',
  in_progress: 'bg-sky-100 text-sky-900',
  succeeded: 'bg-emerald-600 text-white',
  failed: 'bg-red-100 text-red-900',
  rolled_back: 'bg-slate-300 text-slate-900',
};

/** A deployment's status as a badge; the words say which. */
export function DeploymentStatusBadge({ status }: { status: Deployment['status'] }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONE[status]}`}>{status.replace('_', ' ')}</span>;
}

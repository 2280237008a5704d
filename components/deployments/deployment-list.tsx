import type { Deployment } from '@/server/schemas/deployment';
import { DeploymentStatusBadge } from './status-badge';
import { Timestamp } from '@/components/time/timestamp';


/** Deployments newest first, each opening onto every event the pipeline reported. */
export function DeploymentList({ deployments }: { deployments: Deployment[] }) {
  if (!deployments.length) return <p className="text-sm text-slate-500">No deployments yet.</p>;
  return (
    <ol className="space-y-2">
      {deployments.map((d) => (
        <li key={d.id} className="rounded border border-slate-200 p-2 text-sm">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
              <Timestamp at={d.createdAt} className="font-mono text-xs" />
              <span className="font-mono font-semibold">{d.version}</span>
              <span>→ {d.environment}</span>
              <span>{d.allocation.map((s) => `${s.version} ${s.percent}%`).join(', ')}</span>
              <DeploymentStatusBadge status={d.status} />
              {d.rollbackOf && <span className="text-xs text-slate-600">rollback</span>}
              <span className="text-xs text-slate-600">by {d.requestedBy.name}{d.reason ? ` — ${d.reason}` : ''}</span>
            </summary>
            <ol className="mt-2 space-y-0.5 border-l border-slate-200 pl-3">
              {d.events.map((e) => (
                <li key={`${e.at}-${e.status}-${e.progress}`}>
                  <time dateTime={e.at} className="font-mono text-xs">{e.at.slice(11, 19)}</time> {e.status.replace('_', ' ')}
                  {e.progress !== null && ` ${e.progress}%`}
                  {e.message && ` — ${e.message}`}
                  {e.endpoint && <> — <code className="break-all">{e.endpoint}</code></>}
                  {e.error && <span className="text-red-800"> — {e.error}</span>}
                  <span className="text-xs text-slate-500"> ({e.reportedBy.name})</span>
                </li>
              ))}
            </ol>
          </details>
        </li>
      ))}
    </ol>
  );
}

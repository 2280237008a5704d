import type { ActionResult } from '@/server/http/action-result';
import type { DeploymentHistory } from '@/server/schemas/deployment';
import { DeploymentList } from './deployment-list';
import { RollbackButton } from './rollback-button';
import { TrafficBar } from './traffic-bar';
import { Timestamp } from '@/components/time/timestamp';

const when = (iso: string | null) => (iso ? <Timestamp at={iso} /> : 'now');

/**
 * Where the model runs: per environment its traffic split now and every period before (which
 * version served what share, from when to when, who asked and why), then its deployments.
 */
export function EnvironmentsSection({ history, rollback }: { history: DeploymentHistory; rollback?: (environment: 'staging' | 'production') => (reason: string) => Promise<ActionResult<unknown>> }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="section-deployments">
      <h2 id="section-deployments" className="mb-2 font-semibold">Deployments</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {history.environments.map((env) => (
          <section key={env.environment} aria-labelledby={`env-${env.environment}`}>
            <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
              <h3 id={`env-${env.environment}`} className="font-medium capitalize">{env.environment}</h3>
              {rollback && env.periods.some((p) => p.to) && env.serving.length > 0 && <RollbackButton environment={env.environment} rollback={rollback(env.environment)} />}
            </div>
            <TrafficBar environment={env.environment} shares={env.serving} />
            {env.periods.length > 0 && (
              <table className="mt-2 w-full text-left text-xs">
                <caption className="sr-only">{env.environment} history</caption>
                <thead>
                  <tr className="text-slate-600">
                    <th scope="col" className="py-1 pr-2 font-medium">From</th>
                    <th scope="col" className="py-1 pr-2 font-medium">To</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Version</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Share</th>
                    <th scope="col" className="py-1 font-medium">Asked by</th>
                  </tr>
                </thead>
                <tbody>
                  {env.periods.map((p) => (
                    <tr key={`${p.deploymentId}-${p.version}`} className="border-t border-slate-100">
                      <td className="py-1 pr-2 font-mono">{when(p.from)}</td>
                      <td className="py-1 pr-2 font-mono">{when(p.to)}</td>
                      <td className="py-1 pr-2 font-mono">{p.version}</td>
                      <td className="py-1 pr-2">{p.percent}%</td>
                      <td className="py-1">{p.requestedBy.name}{p.reason ? ` — ${p.reason}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
      <h3 className="mt-4 mb-1 font-medium">Requests and their events</h3>
      <DeploymentList deployments={history.deployments} />
    </section>
  );
}

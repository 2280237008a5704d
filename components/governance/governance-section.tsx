import Link from 'next/link';
import type { ActionResult } from '@/server/http/action-result';
import { AliasForm } from './alias-form';
import type { Control } from './lifecycle-controls';
import { LifecycleControls } from './lifecycle-controls';
import { StateBadge } from './state-badge';
import type { VersionGovernance } from '@/server/schemas/governance';
import { Timestamp } from '@/components/time/timestamp';

const section = 'rounded-lg border border-slate-200 bg-white p-4';

/** A version's governance: the checklist of its next state, the moves open to the reader, the history and the evidence. */
export function GovernanceSection({ view, controls, pointAlias, policyHref }: { view: VersionGovernance; controls: Control[]; pointAlias?: (alias: string) => Promise<ActionResult<unknown>>; policyHref: string }) {
  const review = view.openReview;
  return (
    <>
      <section className={section} aria-labelledby="section-lifecycle">
        <h2 id="section-lifecycle" className="flex items-center gap-2 font-semibold">
          Lifecycle <StateBadge state={view.state} />
        </h2>
        {review && (
          <p className="mt-2 text-sm">
            Open {review.environment} review requested by <strong>{review.requestedBy.name}</strong> on <Timestamp at={review.createdAt} />
            {review.comment && <> — “{review.comment}”</>}.{' '}
            {review.approvals.filter((a) => !a.withdrawnAt).length} approval(s) standing
            {review.approvals.some((a) => a.withdrawnAt) && <>; {review.approvals.filter((a) => a.withdrawnAt).length} withdrawn ({review.approvals.find((a) => a.withdrawnAt)?.withdrawnReason})</>}.
          </p>
        )}
        {view.checks.map((check) => (
          <div key={check.to} className="mt-3">
            <h3 className="text-sm font-semibold">
              Policy for {check.to.replace('_', ' ')}: {check.allowed ? 'met' : 'not met yet'}{' '}
              <span className="font-normal text-slate-500">({check.policy.source} rules{check.policy.revision ? `, revision ${check.policy.revision}` : ''})</span>
            </h3>
            {check.conditions.length === 0 ? (
              <p className="text-sm text-slate-500">No conditions.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {check.conditions.map((c) => (
                  <li key={c.id} className="flex gap-2">
                    <span aria-hidden="true" className={c.met ? 'text-emerald-700' : 'text-red-700'}>{c.met ? '✓' : '✗'}</span>
                    <span>
                      <span className="sr-only">{c.met ? 'Met: ' : 'Not met: '}</span>
                      {c.requirement} — <span className="text-slate-600">{c.detail}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
        <p className="mt-2 text-sm">
          <Link href={policyHref} className="text-indigo-700 underline">
            The team&apos;s policy, and a dry run of a draft against this version
          </Link>
        </p>
        <div className="mt-4">
          <LifecycleControls controls={controls} />
        </div>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className={section} aria-labelledby="section-history">
          <h2 id="section-history" className="font-semibold">History</h2>
          {view.transitions.length === 0 ? (
            <p className="text-sm text-slate-500">Registered as a draft; no move yet.</p>
          ) : (
            <ol className="mt-1 space-y-1 text-sm">
              {view.transitions.map((t) => (
                <li key={`${t.at}-${t.to}`}>
                  <Timestamp at={t.at} className="font-mono" /> {t.from.replace('_', ' ')} → <strong>{t.to.replace('_', ' ')}</strong>, asked by {t.requestedBy.name}
                  {t.decidedBy.length > 0 && <>, decided by {t.decidedBy.map((p) => p.name).join(', ')}</>}
                  {t.comment && <> — “{t.comment}”</>}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className={section} aria-labelledby="section-evaluations">
          <h2 id="section-evaluations" className="font-semibold">Evaluations</h2>
          {view.evaluations.length === 0 ? (
            <p className="text-sm text-slate-500">No evaluation recorded.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {view.evaluations.map((e) => (
                <li key={e.id}>
                  <strong>{e.suite}</strong> <span className={e.passed ? 'text-emerald-700' : 'text-red-700'}>{e.passed ? 'passed' : 'failed'}</span> · <Timestamp at={e.createdAt} /> by {e.recordedBy.name}
                  {e.failures.length > 0 && <span className="block text-red-700">{e.failures.join('; ')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={section} aria-labelledby="section-artifacts">
          <h2 id="section-artifacts" className="font-semibold">Artifacts</h2>
          {view.artifacts.length === 0 ? (
            <p className="text-sm text-slate-500">No artifact recorded.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {view.artifacts.map((a) => (
                <li key={a.id}>
                  {a.type} <code className="break-all">{a.uri}</code> · {a.sha256 ? <code title={a.sha256}>sha256 {a.sha256.slice(0, 12)}…</code> : <span className="text-red-700">no checksum</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={section} aria-labelledby="section-aliases">
          <h2 id="section-aliases" className="font-semibold">Aliases</h2>
          <p className="text-sm">{view.aliases.length ? view.aliases.map((a) => <code key={a} className="mr-2 rounded bg-slate-100 px-1">@{a}</code>) : <span className="text-slate-500">No alias points here.</span>}</p>
          {pointAlias && <AliasForm point={pointAlias} />}
        </section>
      </div>
    </>
  );
}

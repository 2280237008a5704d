import semver from 'semver';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { Markdown } from '@/components/models/markdown';
import { requirePerson } from '@/server/identity/current';
import { roleAtLeast, roleOnSlug } from '@/server/auth/access';
import { callerForPerson } from '@/server/identity/server-caller';
import { orNotFound } from '@/server/trpc/not-found';
import { versionPath } from '@/server/portal-paths';
import { StateBadge } from '@/components/governance/state-badge';
import { ModelFactsForm } from '@/components/models/model-facts-form';
import { updateModelAction } from './actions';
import { rollbackAction } from './deployment-actions';
import { EnvironmentsSection } from '@/components/deployments/environments-section';
import { MetricsChart } from '@/components/models/metrics-chart';
import { CompareForm } from '@/components/models/compare-form';
import { ScrollTable, textHeaders } from '@/components/layout/scroll-table';
import { Timestamp } from '@/components/time/timestamp';

type Params = { params: Promise<{ modelId: string }> };

// The title and the page read the same model: once per request.
const readModel = cache(async (modelId: string) => orNotFound((await callerForPerson()).models.get({ modelId, order: 'chronological' })));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { modelId } = await params;
  const model = await readModel(modelId).catch(() => null);
  return { title: model ? `${model.name} (${model.team})` : 'Model not found' };
}

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });

export default async function ModelPage({ params }: Params) {
  const { modelId } = await params;
  const person = await requirePerson();
  const caller = await callerForPerson();
  const model = await readModel(modelId);
  const [{ aliases }, deployments] = await Promise.all([caller.aliases.list({ modelId }), caller.deployments.history({ modelId })]);
  const role = roleOnSlug(person, model.team);
  const readers = { team: `team ${model.team} only`, internal: 'everyone in the company', shared: `team ${model.team} and ${model.sharedWith.join(', ')}` }[model.visibility];
  const canWrite = role !== null && roleAtLeast(role, 'contributor');
  const newestFirst = [...model.versions].reverse();
  const metricNames = [...new Set(model.versions.flatMap((v) => Object.keys(v.metrics)))].sort();

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/models" className="hover:underline">Models</Link> / {model.team}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold break-all">{model.name}</h1>
          <p className="text-slate-600">
            Team <strong>{model.team}</strong> · {model.versionCount} version{model.versionCount === 1 ? '' : 's'} · targets {model.deploymentTargets.join(', ')}
            {model.riskTier && <> · risk tier {model.riskTier}</>} · visible to {readers}
          </p>
        </div>
        {canWrite && (
          <Link href={`/models/new?from=${model.id}`} className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700">
            Register a new version
          </Link>
        )}
      </header>

      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="section-card">
        <h2 id="section-card" className="mb-2 font-semibold">Model card</h2>
        {model.description ? <Markdown text={model.description} /> : <p className="text-slate-500">No description yet.</p>}
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
          <div><dt className="font-medium">Owners</dt><dd>{model.owners.length ? model.owners.join(', ') : `team ${model.team}`}</dd></div>
          <div><dt className="font-medium">Tags</dt><dd className="flex flex-wrap gap-1">{model.tags.map((t) => <span key={t} className="rounded bg-slate-100 px-2 py-0.5">{t}</span>)}</dd></div>
        </dl>
      </section>

      {role === 'maintainer' && (
        <ModelFactsForm
          modelId={model.id}
          facts={{ description: model.description ?? '', owners: model.owners, riskTier: model.riskTier, visibility: model.visibility, sharedWith: model.sharedWith }}
          save={updateModelAction}
        />
      )}

      <EnvironmentsSection
        history={deployments}
        rollback={canWrite ? (environment) => rollbackAction.bind(null, { modelId: model.id, environment }) : undefined}
      />

      <section aria-labelledby="section-versions">
        <h2 id="section-versions" className="mb-2 font-semibold">Versions, newest first</h2>
        <ol className="space-y-3">
          {newestFirst.map((v) => (
            <li key={v.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={versionPath(model.id, v.version)} className="font-mono font-semibold text-indigo-700 hover:underline">
                  {v.version}
                </Link>
                <StateBadge state={v.state} />
                {semver.prerelease(v.version) && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">pre-release</span>}
                {model.latestVersion?.id === v.id && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">latest release</span>}
                {aliases.filter((a) => a.version === v.version).map((a) => (
                  <code key={a.alias} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-900">@{a.alias}</code>
                ))}
                <span className="ml-auto text-xs text-slate-600">
                  {v.registeredBy.name} · <Timestamp at={v.createdAt} relative />
                </span>
              </div>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-700">
                <span>{v.framework} · {v.deploymentTarget === 'LAMBDA' ? 'AWS Lambda' : 'EKS'}</span>
                {Object.entries(v.metrics).slice(0, 4).map(([name, value]) => (
                  <span key={name}>
                    {name} <strong className="font-mono">{number(value)}</strong>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      </section>

      {metricNames.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="section-metrics">
          <h2 id="section-metrics" className="mb-2 font-semibold">Metrics across versions</h2>
          <MetricsChart metrics={metricNames} rows={model.versions.map((v) => ({ version: v.version, ...v.metrics }))} />
          <ScrollTable label="Metrics table" className="mt-3" headers={textHeaders(['Version', ...metricNames])}>
            {newestFirst.map((v) => (
              <tr key={v.id} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1 font-mono font-medium">{v.version}</th>
                {metricNames.map((m) => <td key={m} className="px-3 py-1 font-mono">{v.metrics[m] === undefined ? '—' : number(v.metrics[m])}</td>)}
              </tr>
            ))}
          </ScrollTable>
        </section>
      )}

      {model.versions.length > 1 && <CompareForm modelId={model.id} versions={newestFirst.map((v) => v.version)} />}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareForm } from '@/components/models/compare-form';
import { Timestamp } from '@/components/time/timestamp';
import { preferenceRows } from '@/components/versions/preferences';
import { callerForPerson } from '@/server/identity/server-caller';
import { orNotFound } from '@/server/trpc/not-found';
import { modelPath, versionPath } from '@/server/portal-paths';
import type { ModelVersion } from '@/server/schemas/version';

type Props = { params: Promise<{ modelId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Compare versions' };

type Cell = string | number | boolean | null | undefined;
const show = (value: Cell) => (value === undefined || value === null || value === '' ? '—' : typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value));

/** Rows of one aspect of two versions: every name either has, the ones that differ marked. */
function Aspect({ title, a, b, left, right }: { title: string; a: Record<string, Cell>; b: Record<string, Cell>; left: string; right: string }) {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const headingId = `aspect-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 font-semibold">{title}</h2>
      {names.length === 0 ? (
        <p className="text-sm text-slate-500">Neither version has any.</p>
      ) : (
        <table className="w-full table-fixed text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="w-1/3 py-1 pr-3 font-medium"><span className="sr-only">{title}</span></th>
              <th scope="col" className="py-1 pr-3 font-mono font-medium">{left}</th>
              <th scope="col" className="py-1 font-mono font-medium">{right}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => {
              const differs = show(a[name]) !== show(b[name]);
              return (
                <tr key={name} className={`border-t border-slate-100 ${differs ? 'bg-amber-50' : ''}`}>
                  <th scope="row" className="py-1 pr-3 font-medium break-words">
                    {name}
                    {differs && <span className="sr-only"> (differs)</span>}
                  </th>
                  <td className="py-1 pr-3 font-mono break-all">{show(a[name])}</td>
                  <td className="py-1 font-mono break-all">{show(b[name])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

const overview = (v: ModelVersion): Record<string, Cell> => ({
  State: v.state.replace('_', ' '),
  Framework: v.framework,
  Target: v.deploymentTarget === 'LAMBDA' ? 'AWS Lambda' : 'EKS',
  'Registered by': v.registeredBy.name,
  Artifact: v.artifactUri,
  Tags: v.tags.join(', '),
});
const lineage = (v: ModelVersion): Record<string, Cell> => ({
  Datasets: v.lineage.datasets?.join(', '),
  'Training job': v.lineage.trainingJobId,
  Commit: v.lineage.commitSha,
  'Parent version': v.lineage.parentVersion,
  Notes: v.lineage.notes,
});

/** Two versions of a model side by side: metrics, hyperparameters, preferences and lineage. */
export default async function ComparePage({ params, searchParams }: Props) {
  const { modelId } = await params;
  const query = await searchParams;
  const model = await orNotFound((await callerForPerson()).models.get({ modelId, order: 'chronological' }));
  const newestFirst = [...model.versions].reverse().map((v) => v.version);
  const pick = (key: string, fallback: string | undefined) => model.versions.find((v) => v.version === query[key]) ?? model.versions.find((v) => v.version === fallback);
  const a = pick('a', newestFirst[1]);
  const b = pick('b', newestFirst[0]);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/models" className="hover:underline">Models</Link> / <Link href={modelPath(model.id)} className="hover:underline">{model.name}</Link> / compare
      </nav>
      <h1 className="text-2xl font-semibold break-words">
        {model.name}: {a && b ? <><span className="font-mono">{a.version}</span> and <span className="font-mono">{b.version}</span></> : 'compare versions'}
      </h1>
      {newestFirst.length > 1 && <CompareForm modelId={model.id} versions={newestFirst} />}
      {a && b ? (
        <>
          <p className="text-sm text-slate-600">
            <Link href={versionPath(model.id, a.version)} className="font-mono text-indigo-700 underline">{a.version}</Link> registered <Timestamp at={a.createdAt} />;{' '}
            <Link href={versionPath(model.id, b.version)} className="font-mono text-indigo-700 underline">{b.version}</Link> registered <Timestamp at={b.createdAt} />. Rows that differ are shaded.
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <Aspect title="Overview" a={overview(a)} b={overview(b)} left={a.version} right={b.version} />
            <Aspect title="Metrics" a={a.metrics} b={b.metrics} left={a.version} right={b.version} />
            <Aspect title="Hyperparameters" a={a.hyperparameters} b={b.hyperparameters} left={a.version} right={b.version} />
            <Aspect title="Deployment preferences" a={Object.fromEntries(preferenceRows(a))} b={Object.fromEntries(preferenceRows(b))} left={a.version} right={b.version} />
            <Aspect title="Lineage" a={lineage(a)} b={lineage(b)} left={a.version} right={b.version} />
          </div>
        </>
      ) : (
        <p className="text-slate-600">This model has one live version: there is nothing to compare it with yet.</p>
      )}
    </div>
  );
}

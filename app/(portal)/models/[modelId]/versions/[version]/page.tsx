import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import semver from 'semver';
import { Markdown } from '@/components/models/markdown';
import { VersionActions } from '@/components/versions/version-actions';
import { roleAtLeast, roleOnSlug } from '@/server/auth/access';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { decodedSegmentOrNotFound, orNotFound } from '@/server/trpc/not-found';
import { deregisterVersionAction, updateVersionAction } from './actions';
import { decideAction, openReviewAction, setAliasAction, transitionAction, withdrawReviewAction } from './governance-actions';
import { GovernanceSection } from '@/components/governance/governance-section';
import type { Control } from '@/components/governance/lifecycle-controls';
import { StateBadge } from '@/components/governance/state-badge';
import type { Principal, TeamRole } from '@/server/auth/principal';
import type { VersionGovernance } from '@/server/schemas/governance';
import { modelPath, versionPath } from '@/server/portal-paths';
import { deployAction } from '../../deployment-actions';
import { DeployForm } from '@/components/deployments/deploy-form';
import { DeploymentList } from '@/components/deployments/deployment-list';
import { TrafficBar } from '@/components/deployments/traffic-bar';
import { DEPLOYABLE_FROM, DEPLOY_ROLE } from '@/server/services/deployments/rules';
import { Preferences } from '@/components/versions/preferences';
import { UsageSnippets } from '@/components/versions/usage-snippets';
import { Timestamp } from '@/components/time/timestamp';
import { portalUrl } from '@/server/config';

type Params = { params: Promise<{ modelId: string; version: string }> };

/** The title names the version (`fraud-detector 1.2.0 · Model Registry`). */
// The title and the page read the same version: once per request.
const readVersion = cache(async (modelId: string, segment: string) =>
  orNotFound((await callerForPerson()).versions.get({ modelId, version: decodedSegmentOrNotFound(segment) })),
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { modelId, version } = await params;
  const found = await readVersion(modelId, version).catch(() => null);
  return { title: found ? `${found.modelName} ${found.version}` : 'Version not found' };
}

function Table({ caption, rows }: { caption: string; rows: [string, unknown][] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No {caption.toLowerCase()}.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-4 font-medium">{key}</th>
            <td className="py-1 font-mono break-all">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The lifecycle moves this person may make now, each bound to its version and move. */
function controlsFor(person: Principal, role: TeamRole | null, key: { modelId: string; version: string }, view: VersionGovernance): Control[] {
  if (!role) return [];
  const controls: Control[] = [];
  const contributes = roleAtLeast(role, 'contributor');
  const review = view.openReview;
  const isRequester = review?.requestedBy.kind === 'user' && review.requestedBy.id === person.id;
  if (contributes && (view.state === 'draft' || view.state === 'changes_requested')) {
    controls.push({ label: 'Submit for staging review', tone: 'primary', run: openReviewAction.bind(null, { ...key, environment: 'staging' }) });
  }
  if (contributes && view.state === 'staging' && !review) {
    controls.push({ label: 'Request production review', tone: 'primary', run: openReviewAction.bind(null, { ...key, environment: 'production' }) });
  }
  if (review && role === 'maintainer' && !isRequester) {
    controls.push({ label: 'Approve', tone: 'primary', run: decideAction.bind(null, { ...key, decision: 'approve' }) });
    controls.push({ label: 'Request changes', tone: 'secondary', needsComment: true, run: decideAction.bind(null, { ...key, decision: 'request_changes' }) });
  }
  if (review && (isRequester || role === 'maintainer')) controls.push({ label: 'Withdraw review', tone: 'secondary', run: withdrawReviewAction.bind(null, key) });
  for (const edge of view.next) {
    if (edge.kind !== 'transition' || !roleAtLeast(role, edge.role)) continue;
    const tone = edge.to === 'deprecated' || edge.to === 'retired' ? 'danger' : 'primary';
    controls.push({ label: edge.action, tone, run: transitionAction.bind(null, { ...key, to: edge.to }) });
  }
  return controls;
}

export default async function VersionPage({ params }: Params) {
  const { modelId, version: rawVersion } = await params;
  const person = await requirePerson();
  const caller = await callerForPerson();
  const v = await readVersion(modelId, rawVersion);
  const role = roleOnSlug(person, v.team);
  const canSeeAudit = role === 'maintainer' || person.isAdmin;
  const [governance, deployments, model, audit] = await Promise.all([
    caller.governance.get({ modelId, version: v.version }),
    caller.deployments.history({ modelId }),
    caller.models.get({ modelId, order: 'semver' }),
    canSeeAudit ? caller.audit.list({ modelId, version: v.version, limit: 50 }) : null,
  ]);
  // Offered where the state allows and the person's role suffices; the policy is checked on submit.
  const deployable = (['staging', 'production'] as const).filter((env) => role && roleAtLeast(role, DEPLOY_ROLE[env]) && DEPLOYABLE_FROM[env].includes(v.state));
  const mine = deployments.deployments.filter((d) => d.version === v.version);
  const serving = deployments.environments.flatMap((env) => env.serving.filter((s) => s.version === v.version).map((s) => ({ environment: env.environment, percent: s.percent })));
  const latest = model.latestVersion;
  const newer = latest && latest.version !== v.version && semver.gt(latest.version, v.version) ? latest.version : null;
  const section = 'rounded-lg border border-slate-200 bg-white p-4';
  const versionLink = (version: string) => versionPath(modelId, version);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/models" className="hover:underline">Models</Link> / <Link href={modelPath(modelId)} className="hover:underline">{v.modelName}</Link> / {v.version}
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold break-all">
          {v.modelName} <span className="font-mono">{v.version}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-2" data-testid="version-status">
          <StateBadge state={v.state} />
          {semver.prerelease(v.version) && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">pre-release</span>}
          {serving.map((s) => (
            <span key={s.environment} className="rounded-full bg-emerald-600 px-2 py-0.5 text-xs font-semibold text-white">
              serving {s.environment} {s.percent}%
            </span>
          ))}
          {serving.length === 0 && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">not serving</span>}
          {governance.aliases.map((alias) => (
            <code key={alias} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-900">@{alias}</code>
          ))}
        </p>
        <p className="text-sm text-slate-600">
          {v.framework} · {v.deploymentTarget === 'LAMBDA' ? 'AWS Lambda' : 'EKS (Kubernetes)'} · team {v.team} · registered <Timestamp at={v.createdAt} /> by {v.registeredBy.name}
        </p>
        {newer && (
          <p role="note" className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900">
            A newer release exists: <Link href={versionLink(newer)} className="font-mono underline">{newer}</Link>
          </p>
        )}
      </header>

      <GovernanceSection
        view={governance}
        controls={controlsFor(person, role, { modelId, version: v.version }, governance)}
        pointAlias={role && roleAtLeast(role, 'contributor') ? setAliasAction.bind(null, { modelId, version: v.version }) : undefined}
        policyHref={`/governance/policy/${v.team}?${new URLSearchParams({ modelId, version: v.version })}`}
      />

      <section className={section} aria-labelledby="section-deploy">
        <h2 id="section-deploy" className="mb-2 font-semibold">Deployment</h2>
        <div className="mb-3 grid gap-3 sm:grid-cols-2">
          {deployments.environments.map((env) => (
            <div key={env.environment}>
              <h3 className="text-sm font-medium capitalize">{env.environment}</h3>
              <TrafficBar environment={env.environment} shares={env.serving} />
            </div>
          ))}
        </div>
        {deployable.length > 0 ? (
          <DeployForm environments={deployable} deploy={deployAction.bind(null, { modelId, version: v.version })} />
        ) : (
          <p className="text-sm text-slate-600">
            {role ? `Deploying needs approval for an environment (${v.version} is ${v.state.replace('_', ' ')}); production needs the maintainer role.` : 'Only the team deploys its models.'}
          </p>
        )}
        <h3 className="mt-3 mb-1 text-sm font-medium">This version&apos;s deployments</h3>
        <DeploymentList deployments={mine} />
      </section>

      <section className={section} aria-labelledby="section-use">
        <h2 id="section-use" className="mb-2 font-semibold">Use this version</h2>
        <UsageSnippets origin={portalUrl('')} modelId={modelId} team={v.team} modelName={v.modelName} version={v.version} artifactUri={v.artifactUri} />
      </section>

      {v.description && (
        <section className={section} aria-labelledby="section-description">
          <h2 id="section-description" className="mb-2 font-semibold">Description</h2>
          <Markdown text={v.description} />
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section className={section} aria-labelledby="section-deployment">
          <h2 id="section-deployment" className="mb-1 font-semibold">Deployment preferences ({v.deploymentTarget})</h2>
          <Preferences version={v} />
        </section>
        <section className={section} aria-labelledby="section-metrics">
          <h2 id="section-metrics" className="font-semibold">Metrics</h2>
          <Table caption="Metrics" rows={Object.entries(v.metrics)} />
        </section>
        <section className={section} aria-labelledby="section-hyperparameters">
          <h2 id="section-hyperparameters" className="font-semibold">Hyperparameters</h2>
          <Table caption="Hyperparameters" rows={Object.entries(v.hyperparameters)} />
        </section>
        <section className={section} aria-labelledby="section-lineage">
          <h2 id="section-lineage" className="font-semibold">Lineage</h2>
          <dl className="space-y-1 text-sm">
            <div><dt className="inline font-medium">Datasets: </dt><dd className="inline font-mono break-all">{v.lineage.datasets?.join(', ') || '—'}</dd></div>
            <div><dt className="inline font-medium">Training job: </dt><dd className="inline font-mono">{v.lineage.trainingJobId ?? '—'}</dd></div>
            <div><dt className="inline font-medium">Commit: </dt><dd className="inline font-mono">{v.lineage.commitSha ?? '—'}</dd></div>
            <div>
              <dt className="inline font-medium">Parent version: </dt>
              <dd className="inline font-mono">
                {v.lineage.parentVersion ? <Link href={versionLink(v.lineage.parentVersion)} className="text-indigo-700 underline">{v.lineage.parentVersion}</Link> : '—'}
              </dd>
            </div>
            <div><dt className="inline font-medium">Notes: </dt><dd className="inline">{v.lineage.notes ?? '—'}</dd></div>
          </dl>
        </section>
      </div>

      <section className={section} aria-labelledby="section-tags">
        <h2 id="section-tags" className="font-semibold">Tags</h2>
        <p className="flex flex-wrap gap-1">{v.tags.length ? v.tags.map((t) => <span key={t} className="rounded bg-slate-100 px-2 py-0.5 text-sm">{t}</span>) : <span className="text-sm text-slate-500">None.</span>}</p>
      </section>

      <VersionActions
        modelId={modelId}
        modelName={v.modelName}
        version={v.version}
        description={v.description}
        tags={v.tags}
        notes={v.lineage.notes ?? ''}
        canEdit={role !== null && roleAtLeast(role, 'contributor')}
        canDeregister={role === 'maintainer'}
        update={updateVersionAction}
        deregister={deregisterVersionAction}
      />

      {audit && (
        <section className={section} aria-labelledby="section-audit">
          <h2 id="section-audit" className="font-semibold">Audit trail</h2>
          <ol className="space-y-1 text-sm">
            {audit.items.map((r) => (
              <li key={r.id}>
                <Timestamp at={r.occurredAt} precision="second" className="font-mono" /> — <strong>{r.action}</strong> by {r.actor.name}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

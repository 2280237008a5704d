import type { Metadata } from 'next';
import Link from 'next/link';
import { PolicyEditor } from '@/components/governance/policy-editor';
import { roleOnSlug } from '@/server/auth/access';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { orNotFound } from '@/server/trpc/not-found';
import { dryRunPolicyAction, savePolicyAction } from './actions';
import { Timestamp, formatUtc } from '@/components/time/timestamp';

type Props = { params: Promise<{ team: string }>; searchParams: Promise<{ modelId?: string; version?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Policy of ${(await params).team}` };
}

export default async function PolicyPage({ params, searchParams }: Props) {
  const { team } = await params;
  const { modelId, version } = await searchParams;
  const person = await requirePerson();
  const caller = await callerForPerson();
  const policy = await orNotFound(caller.policies.get({ team }));
  const history = await caller.policies.history({ team });
  const canSave = roleOnSlug(person, team) === 'maintainer';
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/governance" className="hover:underline">Governance</Link> / {team} policy
      </nav>
      <h1 className="text-2xl font-semibold">Policy of {team}</h1>
      <p className="text-sm text-slate-600">
        {policy.inherited
          ? `The team has no policy of its own: it follows the ${policy.revision ? `platform default (revision ${policy.revision})` : 'built-in rules'}.`
          : `Revision ${policy.revision}, saved by ${policy.createdBy?.name} on ${policy.createdAt ? formatUtc(policy.createdAt) : ''}${policy.comment ? ` — “${policy.comment}”` : ''}.`}{' '}
        What each governed state needs is listed in the README and the API reference (PolicyDocument).
      </p>
      <PolicyEditor
        team={team}
        initial={JSON.stringify(policy.document, null, 2)}
        canSave={canSave}
        sample={modelId && version ? { modelId, version } : null}
        save={savePolicyAction}
        dryRun={dryRunPolicyAction}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="revisions">
        <h2 id="revisions" className="font-semibold">Revisions</h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-500">None saved yet.</p>
        ) : (
          <ol className="mt-1 space-y-1 text-sm">
            {history.map((p) => (
              <li key={p.revision}>
                <strong>Revision {p.revision}</strong> by {p.createdBy?.name} on {p.createdAt && <Timestamp at={p.createdAt} />}
                {p.comment && <> — “{p.comment}”</>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

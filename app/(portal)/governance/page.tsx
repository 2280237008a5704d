import type { Metadata } from 'next';
import Link from 'next/link';
import { StateBadge } from '@/components/governance/state-badge';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import type { ReviewList } from '@/server/schemas/lifecycle';
import { versionPath } from '@/server/portal-paths';
import { Timestamp } from '@/components/time/timestamp';

export const metadata: Metadata = { title: 'Governance' };


function Reviews({ id, title, empty, items, decided = false }: { id: string; title: string; empty: string; items: ReviewList['items']; decided?: boolean }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={id}>
      <h2 id={id} className="font-semibold">
        {title} <span className="font-normal text-slate-500">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
              <Link href={versionPath(r.modelId, r.version)} className="font-medium text-indigo-700 underline break-all">
                {r.team}/{r.model} {r.version}
              </Link>
              <StateBadge state={r.state} />
              <span>
                {r.environment} review asked by {r.requestedBy.name} on <Timestamp at={r.createdAt} />
                {decided && r.closedAt && (
                  <>
                    {' '}
                    · {r.status.replace('_', ' ')} by {r.closedBy?.name} on {r.closedAt && <Timestamp at={r.closedAt} />}
                  </>
                )}
              </span>
              {r.comment && <span className="text-slate-600">“{r.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function GovernancePage() {
  const person = await requirePerson();
  const caller = await callerForPerson();
  const [waiting, mine, decided] = await Promise.all([caller.governance.reviews({ list: 'waiting' }), caller.governance.reviews({ list: 'mine' }), caller.governance.reviews({ list: 'decided' })]);
  const maintains = person.isAdmin || person.memberships.some((m) => m.role === 'maintainer');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Governance</h1>
      <p className="text-sm text-slate-600">
        Reviews move versions to staging and production by your teams&apos; policies.{' '}
        {person.memberships.map((m) => (
          <Link key={m.teamSlug} href={`/governance/policy/${m.teamSlug}`} className="mr-2 text-indigo-700 underline">
            {m.teamSlug} policy
          </Link>
        ))}
      </p>
      <Reviews
        id="waiting"
        title="Waiting for me"
        empty={maintains ? 'Nothing waits for your decision.' : 'Reviews are decided by maintainers; you hold no maintainer role.'}
        items={waiting.items}
      />
      <Reviews id="mine" title="My requests" empty="You have asked for no review." items={mine.items} decided />
      <Reviews id="decided" title="Recent decisions" empty="No decision yet in your teams." items={decided.items} decided />
    </div>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EndSessionsButton } from '@/components/admin/end-sessions-button';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { endSessionsAction } from './actions';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  if (!(await requirePerson()).isAdmin) notFound();
  const { items } = await (await callerForPerson()).teams.directory();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Teams</h1>
      <p className="text-slate-700">
        Teams and memberships come from the identity provider&apos;s groups at each sign-in; change them there.
        Ending a person&apos;s sessions signs them out everywhere at once.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {items.map((team) => (
          <li key={team.slug} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{team.name} <span className="font-mono text-sm text-slate-500">{team.slug}</span></h2>
            {team.members.length === 0 ? (
              <p className="text-sm text-slate-500">No members have signed in yet.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {team.members.map((m) => (
                  <li key={m.id} className="flex items-center justify-between gap-2">
                    <span>{m.name} — {m.role}</span>
                    <EndSessionsButton person={m.name} end={endSessionsAction.bind(null, m.id)} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

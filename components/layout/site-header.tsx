import Link from 'next/link';
import { Suspense } from 'react';
import { NavLink } from './nav-link';
import { TeamSwitcher } from './team-switcher';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentPerson } from '@/server/identity/current';

export async function SiteHeader() {
  const person = await currentPerson();
  const maintainsSomething = person && (person.isAdmin || person.memberships.some((m) => m.role === 'maintainer'));
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" aria-label="Main">
        <Link href="/" className="font-semibold text-slate-900">
          Model Registry
        </Link>
        {person && (
          <>
            <NavLink href="/models">Models</NavLink>
            <NavLink href="/governance">Governance</NavLink>
            <NavLink href="/tokens">API tokens</NavLink>
            {maintainsSomething && (
              <NavLink href="/webhooks">Webhooks</NavLink>
            )}
            {maintainsSomething && (
              <NavLink href="/audit">Audit trail</NavLink>
            )}
            {person.isAdmin && (
              <NavLink href="/admin/teams">Teams</NavLink>
            )}
          </>
        )}
        <NavLink href="/docs/api">API reference</NavLink>
        <div className="ml-auto flex items-center gap-3">
          {person ? (
            <>
              {person.memberships.length > 1 && (
                <Suspense>
                  <TeamSwitcher teams={person.memberships.map((m) => m.teamSlug)} />
                </Suspense>
              )}
              <span className="text-sm text-slate-700" data-testid="signed-in-person">
                {person.name}
                {person.isAdmin ? ' · admin' : ''}
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="text-sm font-medium text-indigo-700">
              Sign in
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}

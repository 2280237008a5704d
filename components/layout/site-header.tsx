import Link from 'next/link';
import { Suspense } from 'react';
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
            <Link href="/models" className="text-sm text-slate-600 hover:text-slate-900">
              Models
            </Link>
            <Link href="/governance" className="text-sm text-slate-600 hover:text-slate-900">
              Governance
            </Link>
            <Link href="/tokens" className="text-sm text-slate-600 hover:text-slate-900">
              API tokens
            </Link>
            {maintainsSomething && (
              <Link href="/webhooks" className="text-sm text-slate-600 hover:text-slate-900">
                Webhooks
              </Link>
            )}
            {maintainsSomething && (
              <Link href="/audit" className="text-sm text-slate-600 hover:text-slate-900">
                Audit trail
              </Link>
            )}
            {person.isAdmin && (
              <Link href="/admin/teams" className="text-sm text-slate-600 hover:text-slate-900">
                Teams
              </Link>
            )}
          </>
        )}
        <Link href="/docs/api" className="text-sm text-slate-600 hover:text-slate-900">
          API reference
        </Link>
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

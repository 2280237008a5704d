import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogFilters } from '@/components/models/catalog-filters';
import { CatalogTable } from '@/components/models/catalog-table';
import { FilterChips } from '@/components/models/filter-chips';
import { requirePerson } from '@/server/identity/current';
import { catalogQuery } from '@/server/schemas/catalog-query';
import { callerForPerson } from '@/server/identity/server-caller';
import { tagSuggestionsAction } from './actions';

export const metadata: Metadata = { title: 'Models' };

const PAGING = ['sort', 'order', 'limit', 'offset', 'cursor'];

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  const params = await searchParams;
  const { input, dropped } = catalogQuery(params);
  const caller = await callerForPerson();
  const page = await caller.models.list(input);
  // Admins read every team, so they may filter by any of them.
  const teams = person.isAdmin ? (await caller.teams.directory()).items.map((t) => t.slug) : person.memberships.map((m) => m.teamSlug);
  // The parameters in effect: those given, less those dropped as invalid.
  const kept = Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '' && !dropped.some((d) => d.name === entry[0])),
  );
  const filters = Object.keys(kept).filter((k) => !PAGING.includes(k)).length;
  const canRegister = person.isAdmin || person.memberships.some((m) => m.role !== 'viewer');

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Models</h1>
        {canRegister && (
          <Link href="/models/new" className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700">
            Register a model
          </Link>
        )}
      </div>
      <CatalogFilters teams={teams} active={filters} suggestTags={tagSuggestionsAction} />
      <FilterChips params={kept} />
      {dropped.length > 0 && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          Ignored {dropped.length === 1 ? 'a filter that is' : 'filters that are'} not valid; the others apply:
          <ul className="mt-1 list-disc pl-5">
            {dropped.map((d) => (
              <li key={d.name}>
                <code>{d.name}={d.value}</code> {d.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {page.total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filters ? 'No model matches these filters.' : 'No models yet.'}{' '}
          {filters ? (
            <Link href="/models" className="text-indigo-700 underline">Clear the filters</Link>
          ) : (
            canRegister && <Link href="/models/new" className="text-indigo-700 underline">Register the first one</Link>
          )}
        </div>
      ) : (
        <CatalogTable page={page} sort={input.sort} order={input.order ?? (input.sort === 'name' ? 'asc' : 'desc')} />
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogFilters } from '@/components/models/catalog-filters';
import { CatalogTable } from '@/components/models/catalog-table';
import { requirePerson } from '@/server/identity/current';
import { catalogQuery } from '@/server/schemas/catalog-query';
import { listModelsInput } from '@/server/schemas/model';
import { callerForPerson } from '@/server/identity/server-caller';

export const metadata: Metadata = { title: 'Models' };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  const parsed = catalogQuery(await searchParams);
  const input = parsed.success ? parsed.data : listModelsInput.parse({});
  const caller = await callerForPerson();
  const page = await caller.models.list(input);
  // Admins read every team, so they may filter by any of them.
  const teams = person.isAdmin ? (await caller.teams.directory()).items.map((t) => t.slug) : person.memberships.map((m) => m.teamSlug);
  const filtered = Object.keys(await searchParams).some((k) => !['sort', 'order', 'limit', 'offset'].includes(k));
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
      <CatalogFilters teams={teams} />
      {!parsed.success && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          Some filters were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}
        </p>
      )}
      {page.total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered ? 'No model matches these filters.' : 'No models yet.'}{' '}
          {filtered ? (
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

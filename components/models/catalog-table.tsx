'use client';

import {
  type ColumnDef,
  type SortingState,
  flexRender,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import type { ListModelsOutput } from '@/server/schemas/model';
import { modelPath } from '@/server/portal-paths';
import { StateBadge } from '@/components/governance/state-badge';
import { Timestamp } from '@/components/time/timestamp';
import { descriptionLine } from './catalog-summary';
import { useUrlState } from './url-state';

type Model = ListModelsOutput['items'][number];

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

// Column ids that the API can sort by.
const SORTABLE: Record<string, 'name' | 'updated' | 'latestVersion'> = { name: 'name', updatedAt: 'updated', latestVersion: 'latestVersion' };

const pill = 'rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700';

/** What the model is: its name, the start of its description, its tags. */
function ModelCell({ model }: { model: Model }) {
  const line = descriptionLine(model.description);
  return (
    <div className="min-w-48 max-w-md whitespace-normal">
      <Link href={modelPath(model.id)} className="font-medium text-indigo-700 hover:underline">
        {model.name}
      </Link>
      {line && <p className="text-xs text-slate-600">{line}</p>}
      {model.tags.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1">
          {model.tags.slice(0, 5).map((t) => <span key={t} className={pill}>{t}</span>)}
          {model.tags.length > 5 && <span className="text-xs text-slate-600">+{model.tags.length - 5}</span>}
        </p>
      )}
    </div>
  );
}

function LatestCell({ model }: { model: Model }) {
  const latest = model.latestVersion;
  if (!latest) return <span className="text-slate-500">—</span>;
  return (
    <div className="space-y-0.5">
      <p className="flex items-center gap-2">
        <span className="font-mono">{latest.version}</span> <StateBadge state={latest.state} />
      </p>
      <p className="text-xs text-slate-600">{latest.framework} · {latest.deploymentTarget === 'LAMBDA' ? 'Lambda' : 'EKS'}</p>
    </div>
  );
}

const owners = (m: Model) => (m.owners.length ? m.owners.join(', ') : `team ${m.team}`);

const columns: ColumnDef<typeof features, Model>[] = [
  { id: 'name', accessorKey: 'name', header: 'Model', cell: ({ row }) => <ModelCell model={row.original} /> },
  {
    id: 'team',
    accessorKey: 'team',
    header: 'Team and owners',
    enableSorting: false,
    cell: ({ row }) => (
      <div>
        <p>{row.original.team}</p>
        <p className="text-xs text-slate-600">{owners(row.original)}</p>
      </div>
    ),
  },
  { id: 'latestVersion', accessorFn: (m) => m.latestVersion?.version ?? '', header: 'Latest release', cell: ({ row }) => <LatestCell model={row.original} /> },
  {
    id: 'production',
    accessorFn: (m) => m.inProduction.join(', '),
    header: 'In production',
    enableSorting: false,
    cell: ({ row }) => <span className="font-mono">{row.original.inProduction.join(', ') || '—'}</span>,
  },
  {
    id: 'updatedAt',
    accessorKey: 'updatedAt',
    header: 'Changed',
    cell: ({ row }) => <Timestamp at={row.original.updatedAt} relative />,
  },
];

/** On a phone, each model is a card rather than a row of a table wider than the screen. */
function CatalogCards({ models }: { models: Model[] }) {
  return (
    <ul className="space-y-3 sm:hidden" aria-label="Models">
      {models.map((m) => (
        <li key={m.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <ModelCell model={m} />
          <LatestCell model={m} />
          <p className="text-xs text-slate-600">
            {m.team} · {owners(m)} · in production: <span className="font-mono">{m.inProduction.join(', ') || 'none'}</span> · changed <Timestamp at={m.updatedAt} relative />
          </p>
        </li>
      ))}
    </ul>
  );
}

export function CatalogTable({ page, sort, order }: { page: ListModelsOutput; sort: string; order: 'asc' | 'desc' }) {
  const { update } = useUrlState();
  const sortedColumn = Object.entries(SORTABLE).find(([, s]) => s === sort)?.[0];
  const sorting: SortingState = sortedColumn ? [{ id: sortedColumn, desc: order === 'desc' }] : [];

  const table = useTable({
    features,
    columns,
    data: page.items,
    getRowId: (m) => m.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: page.total,
    state: { sorting, pagination: { pageIndex: Math.floor(page.offset / page.limit), pageSize: page.limit } },
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) update({ sort: SORTABLE[first.id], order: first.desc ? 'desc' : 'asc' });
    },
  });

  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;

  return (
    <div className="space-y-3">
      <CatalogCards models={page.items} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <section className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block" aria-label="Models table" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-medium whitespace-nowrap"
                      aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top whitespace-nowrap">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <nav className="flex flex-wrap items-center gap-3 text-sm" aria-label="Pages">
        <span className="text-slate-600">
          {from}–{to} of {page.total.toLocaleString('en-US')}
          {page.totalIsExact ? '' : '+'}
        </span>
        <button
          type="button"
          disabled={page.offset === 0}
          onClick={() => update({ offset: String(Math.max(0, page.offset - page.limit)) })}
          className="rounded border border-slate-300 px-3 py-1 disabled:opacity-40"
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!page.nextCursor}
          onClick={() => update({ offset: String(page.offset + page.limit) })}
          className="rounded border border-slate-300 px-3 py-1 disabled:opacity-40"
        >
          Next
        </button>
        <label className="flex items-center gap-1 text-slate-600">
          Per page
          <select value={page.limit} onChange={(e) => update({ limit: e.target.value })} className="rounded border border-slate-300 bg-white px-1 py-0.5">
            {[10, 20, 50, 100].map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
      </nav>
    </div>
  );
}

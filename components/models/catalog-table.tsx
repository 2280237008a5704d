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

type Model = ListModelsOutput['items'][number];
import { useUrlState } from './url-state';
import { modelPath } from '@/server/portal-paths';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

// Column ids that the API can sort by.
const SORTABLE: Record<string, 'name' | 'updated' | 'latestVersion'> = { name: 'name', updatedAt: 'updated', latestVersion: 'latestVersion' };

const columns: ColumnDef<typeof features, Model>[] = [
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Model',
    cell: ({ row }) => (
      <Link href={modelPath(row.original.id)} className="font-medium text-indigo-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: 'team', accessorKey: 'team', header: 'Team', enableSorting: false },
  {
    id: 'latestVersion',
    accessorFn: (m) => m.latestVersion?.version ?? '',
    header: 'Latest version',
    cell: ({ row }) => <span className="font-mono">{row.original.latestVersion?.version}</span>,
  },
  { id: 'target', accessorFn: (m) => m.latestVersion?.deploymentTarget ?? '', header: 'Target', enableSorting: false },
  { id: 'framework', accessorFn: (m) => m.latestVersion?.framework ?? '', header: 'Framework', enableSorting: false },
  { id: 'state', accessorFn: (m) => m.latestVersion?.state ?? '', header: 'State', enableSorting: false },
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
    header: 'Updated',
    cell: ({ row }) => <time dateTime={row.original.updatedAt}>{row.original.updatedAt.slice(0, 10)}</time>,
  },
];

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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-label="Models" tabIndex={0}>
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
                  <td key={cell.id} className="px-3 py-2 whitespace-nowrap">
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

'use client';

import { useEffect, useState } from 'react';
import { useDebouncedCallback } from 'use-debounce';
import { DEPLOYMENT_TARGETS, FRAMEWORKS, VERSION_STATES } from '@/db/schema/vocabulary';
import { useUrlState } from './url-state';

const select = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export function CatalogFilters({ teams }: { teams: string[] }) {
  const { params, update } = useUrlState();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const search = useDebouncedCallback((value: string) => update({ q: value }, { replace: true }), 300);

  const choice = (name: string, label: string, values: readonly string[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-600">{label}</label>
      <select id={`filter-${name}`} className={select} value={params.get(name) ?? ''} onChange={(e) => update({ [name]: e.target.value })}>
        <option value="">Any</option>
        {values.map((v) => (
          <option key={v} value={v}>{v}</option>
        ))}
      </select>
    </div>
  );

  return (
    <search className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-8">
      <div className="sm:col-span-3 lg:col-span-2">
        <label htmlFor="filter-q" className="block text-xs font-medium text-slate-600">Search name, description, tags</label>
        <input
          id="filter-q"
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            search(e.target.value);
          }}
          placeholder="fraud, ranking, images…"
          className={select}
        />
      </div>
      {choice('team', 'Team', teams)}
      {choice('framework', 'Framework', FRAMEWORKS)}
      {choice('deploymentTarget', 'Target', DEPLOYMENT_TARGETS)}
      {choice('state', 'State', VERSION_STATES)}
      <div>
        <label htmlFor="filter-tag" className="block text-xs font-medium text-slate-600">Tag</label>
        <input
          id="filter-tag"
          key={params.get('tag') ?? ''}
          defaultValue={params.get('tag') ?? ''}
          onBlur={(e) => update({ tag: e.target.value.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && update({ tag: e.currentTarget.value.trim() })}
          className={select}
        />
      </div>
      <div>
        <label htmlFor="filter-alias" className="block text-xs font-medium text-slate-600">Alias</label>
        <input
          id="filter-alias"
          key={params.get('alias') ?? ''}
          defaultValue={params.get('alias') ?? ''}
          placeholder="production"
          onBlur={(e) => update({ alias: e.target.value.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && update({ alias: e.currentTarget.value.trim() })}
          className={select}
        />
      </div>
    </search>
  );
}

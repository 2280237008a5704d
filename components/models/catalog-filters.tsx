'use client';

import { type InputHTMLAttributes, useEffect, useState } from 'react';
import type { ActionResult } from '@/server/http/action-result';
import type { TagUsage } from '@/server/schemas/model';
import { useDebouncedCallback } from 'use-debounce';
import { DEPLOYMENT_TARGETS, FRAMEWORKS, VERSION_STATES } from '@/db/schema/vocabulary';
import { useUrlState } from './url-state';

const select = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

interface Props {
  teams: string[];
  /** How many filters are set, for the folded button on a phone. */
  active: number;
  suggestTags: () => Promise<ActionResult<TagUsage>>;
}

export function CatalogFilters({ teams, active, suggestTags }: Props) {
  const { params, update } = useUrlState();
  const [open, setOpen] = useState(false);
  const [tags, setTags] = useState<TagUsage['items'] | null>(null);
  // Asked for when the tag field is first used, so the catalog itself waits for nothing.
  const loadTags = () => {
    if (tags === null) void suggestTags().then((r) => setTags(r.ok ? r.data.items : []));
  };
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

  // A free-text filter, applied when the field is left or Enter is pressed (not on every key).
  const text = (name: string, label: string, extra: InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-600">{label}</label>
      <input
        id={`filter-${name}`}
        key={params.get(name) ?? ''}
        defaultValue={params.get(name) ?? ''}
        autoComplete="off"
        onBlur={(e) => update({ [name]: e.target.value.trim() })}
        onKeyDown={(e) => e.key === 'Enter' && update({ [name]: e.currentTarget.value.trim() })}
        className={select}
        {...extra}
      />
    </div>
  );

  return (
    <search className="space-y-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="catalog-filters"
        onClick={() => setOpen(!open)}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm sm:hidden"
      >
        {open ? 'Hide filters' : `Filters${active ? ` (${active})` : ''}`}
      </button>
      {/* On a phone the filters fold away behind the button; from 640 px they are always shown. */}
      <div id="catalog-filters" className={`${open ? 'grid' : 'hidden'} gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid sm:grid-cols-3 lg:grid-cols-8`}>
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
        {text('tag', 'Tag', { list: 'tag-suggestions', onFocus: loadTags })}
        <datalist id="tag-suggestions">
          {tags?.map((t) => (
            <option key={t.tag} value={t.tag}>{`${t.models} model${t.models === 1 ? '' : 's'}`}</option>
          ))}
        </datalist>
        {text('alias', 'Alias', { placeholder: 'production' })}
      </div>
    </search>
  );
}

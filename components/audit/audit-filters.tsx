import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PrincipalRef } from '@/server/auth/principal';
import { AUDIT_ACTION_GROUPS, isKnownAuditAction } from './actions';
import { type AuditFilters as Filters, dayOf } from './filter-params';

const control = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export interface ModelChoice {
  id: string;
  name: string;
  team: string;
}

interface Props {
  query: Filters['query'];
  actors: PrincipalRef[];
  models: ModelChoice[];
  /** Names for an actor or model of the address that the pickers do not list. */
  unlisted: { actor?: string; model?: string };
  /** Whether the pickers stop short of every actor or model. */
  truncated: { actors: boolean; models: boolean };
}

// min-w-0: a grid item is otherwise as wide as its select's longest option, wider than a phone.
function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

const KINDS: [PrincipalRef['kind'], string][] = [
  ['user', 'People'],
  ['token', 'API tokens'],
  ['system', 'System'],
];

function ActorOptions({ actors }: { actors: PrincipalRef[] }) {
  return KINDS.map(([kind, label]) => {
    const group = actors.filter((a) => a.kind === kind);
    if (group.length === 0) return null;
    // Two people may share a name: the start of the id tells them apart.
    const shared = (a: PrincipalRef) => group.filter((b) => b.name === a.name).length > 1;
    return (
      <optgroup key={kind} label={label}>
        {group.map((a) => (
          <option key={a.id} value={a.id}>
            {shared(a) ? `${a.name} (${a.id.slice(0, 8)})` : a.name}
          </option>
        ))}
      </optgroup>
    );
  });
}

function ModelOptions({ models }: { models: ModelChoice[] }) {
  const teams = [...new Set(models.map((m) => m.team))].sort();
  return teams.map((team) => (
    <optgroup key={team} label={`Team ${team}`}>
      {models
        .filter((m) => m.team === team)
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
    </optgroup>
  ));
}

/**
 * The audit trail's filters: a plain GET form, so the address holds the view (shareable, and it
 * works before any script runs). Dates are UTC days, as the times in the table are UTC.
 */
export function AuditFilters({ query, actors, models, unlisted, truncated }: Props) {
  const listedActor = !query.actor || actors.some((a) => a.id === query.actor);
  const listedModel = !query.modelId || models.some((m) => m.id === query.modelId);
  return (
    <form method="get" action="/audit" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit trail">
      <Field id="action" label="Action">
        <select id="action" name="action" defaultValue={query.action ?? ''} className={control}>
          <option value="">Any action</option>
          {query.action && !isKnownAuditAction(query.action) && <option value={query.action}>{query.action}</option>}
          {AUDIT_ACTION_GROUPS.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field id="actor" label="Person" hint={truncated.actors ? 'The first 500 by name' : undefined}>
        <select id="actor" name="actor" defaultValue={query.actor ?? ''} className={control} aria-describedby={truncated.actors ? 'actor-hint' : undefined}>
          <option value="">Anyone</option>
          {!listedActor && <option value={query.actor}>{unlisted.actor ?? 'The one in the address'}</option>}
          <ActorOptions actors={actors} />
        </select>
      </Field>
      <Field id="modelId" label="Model" hint={`Its own records and its versions'${truncated.models ? '; not every model is listed, only the first 100 by name' : ''}`}>
        <select id="modelId" name="modelId" defaultValue={query.modelId ?? ''} className={control} aria-describedby="modelId-hint">
          <option value="">Any model</option>
          {!listedModel && <option value={query.modelId}>{unlisted.model ?? 'The one in the address'}</option>}
          <ModelOptions models={models} />
        </select>
      </Field>
      <Field id="version" label="Version" hint="Of the chosen model, like 1.2.0">
        <input id="version" name="version" defaultValue={query.version ?? ''} className={control} aria-describedby="version-hint" autoComplete="off" />
      </Field>
      <Field id="from" label="From (UTC day)">
        <input id="from" name="from" type="date" defaultValue={dayOf(query.from)} className={control} />
      </Field>
      <Field id="to" label="To (UTC day, included)">
        <input id="to" name="to" type="date" defaultValue={dayOf(query.to)} className={control} />
      </Field>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 text-white hover:bg-indigo-700">
          Filter
        </button>
        <Link href="/audit" className="text-sm text-slate-600 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

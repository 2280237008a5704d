import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFilters, type ModelChoice } from '@/components/audit/audit-filters';
import { AuditResource, modelKey, recordModelId } from '@/components/audit/audit-resource';
import { type AuditRecord, AuditSummary } from '@/components/audit/audit-summary';
import { type DroppedFilter, FILTER_LABELS, type SearchParams, parseAuditFilters } from '@/components/audit/filter-params';
import { ScrollTable, textHeaders } from '@/components/layout/scroll-table';
import { Timestamp } from '@/components/time/timestamp';
import type { Principal } from '@/server/auth/principal';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import type { ListAuditInput } from '@/server/schemas/audit';

export const metadata: Metadata = { title: 'Audit trail' };

type Caller = Awaited<ReturnType<typeof callerForPerson>>;

const HEADERS = ['Time', 'Actor', 'Team', 'Action', 'Resource', 'Summary', 'Correlation id'];

/** The page of records; a cursor the list refuses (edited by hand) is dropped, not fatal. */
async function recordsPage(caller: Caller, input: ListAuditInput, dropped: DroppedFilter[]) {
  try {
    return await caller.audit.list(input);
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === 'BAD_REQUEST' && input.cursor)) throw error;
    dropped.push({ name: 'cursor', label: FILTER_LABELS.cursor, value: input.cursor, message: 'is not a page of this list' });
    const { cursor: _cursor, ...rest } = input;
    return caller.audit.list(rest);
  }
}

/** The models of the teams whose trail the person reads (admins: every team), for the model picker. */
async function modelChoices(caller: Caller, person: Principal) {
  const teams = person.isAdmin ? [undefined] : person.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamSlug);
  const pages = await Promise.all(teams.map((team) => caller.models.list({ team, sort: 'name', order: 'asc', limit: 100 })));
  const models: ModelChoice[] = pages.flatMap((p) => p.items.map(({ id, name, team }) => ({ id, name, team })));
  return { models, truncated: pages.some((p) => p.nextCursor !== null) };
}

/**
 * Model ids by team and name, for records written before their summaries carried the model's id
 * (artifact.added and version.review_withdrawn, until 2026-11): from the picker's models and the
 * page's other records.
 */
function modelIdsByName(records: AuditRecord[], models: ModelChoice[]) {
  const found = new Map<string, string>(models.map((m) => [modelKey(m.team, m.name), m.id]));
  for (const r of records) if (typeof r.summary.modelId === 'string' && typeof r.summary.model === 'string') found.set(modelKey(r.team, r.summary.model), r.summary.modelId);
  return found;
}

/** Names for an actor or model of the address that the pickers do not list (past the first 500 or 100). */
async function unlistedNames(caller: Caller, records: AuditRecord[], models: ModelChoice[], query: { actor?: string; modelId?: string }) {
  const actor = query.actor ? records.find((r) => r.actor.id === query.actor)?.actor.name : undefined;
  if (!query.modelId || models.some((m) => m.id === query.modelId)) return { actor };
  const named = records.find((r) => r.summary.modelId === query.modelId && typeof r.summary.model === 'string')?.summary.model as string | undefined;
  const model = named ?? (await caller.models.get({ modelId: query.modelId }).then((m) => m.name, () => 'Unknown model'));
  return { actor, model };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const person = await requirePerson();
  if (!person.isAdmin && !person.memberships.some((m) => m.role === 'maintainer')) notFound();
  const { input, query, dropped } = parseAuditFilters(await searchParams);
  const caller = await callerForPerson();
  const [page, actors, choices] = await Promise.all([recordsPage(caller, input, dropped), caller.audit.actors(), modelChoices(caller, person)]);
  const modelIds = modelIdsByName(page.items, choices.models);
  const unlisted = await unlistedNames(caller, page.items, choices.models, query);
  const teamSlugs = new Map(person.memberships.map((m) => [m.teamId, m.teamSlug]));
  const { cursor: _cursor, ...kept } = query;
  const next = page.nextCursor ? `/audit?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;
  const newest = query.cursor ? `/audit?${new URLSearchParams(kept)}` : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <AuditFilters
        query={query}
        actors={actors.items}
        models={choices.models}
        unlisted={unlisted}
        truncated={{ actors: actors.truncated, models: choices.truncated }}
      />
      {dropped.length > 0 && (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Some filters were ignored:</p>
          <ul className="mt-1 list-disc pl-5">
            {dropped.map((d) => (
              <li key={d.name} className="wrap-anywhere">
                {d.label} “{d.value.length > 60 ? `${d.value.slice(0, 59)}…` : d.value}” {d.message}.
              </li>
            ))}
          </ul>
        </div>
      )}
      <ScrollTable label="Audit records" headers={textHeaders(HEADERS)}>
        {page.items.length === 0 && (
          <tr>
            <td colSpan={HEADERS.length} className="px-3 py-4 text-slate-500">
              No records match.
            </td>
          </tr>
        )}
        {page.items.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2">
              <Timestamp at={r.occurredAt} precision="second" />
            </td>
            <td className="min-w-32 px-3 py-2 wrap-anywhere">
              {r.actor.name}
              {r.actor.kind !== 'user' && <span className="text-slate-500"> ({r.actor.kind === 'token' ? 'API token' : 'system'})</span>}
            </td>
            <td className="px-3 py-2">{r.team ?? 'platform'}</td>
            <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
            <td className="min-w-40 px-3 py-2">
              <AuditResource record={r} modelId={recordModelId(r, modelIds) ?? (r.resourceType === 'model_version' ? input.modelId : undefined)} />
            </td>
            <td className="min-w-64 max-w-md px-3 py-2 wrap-anywhere">
              <AuditSummary record={r} teamSlugs={teamSlugs} />
            </td>
            <td className="px-3 py-2 font-mono text-xs" title={r.correlationId}>
              {r.correlationId.slice(0, 12)}
            </td>
          </tr>
        ))}
      </ScrollTable>
      {(newest || next) && (
        <nav aria-label="Audit pages" className="flex flex-wrap gap-4">
          {newest && (
          <Link href={newest} className="text-indigo-700 underline">
            Newest records
          </Link>
        )}
        {next && (
          <Link href={next} className="text-indigo-700 underline">
            Older records
          </Link>
        )}
        </nav>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePerson } from '@/server/identity/current';
import { listAuditInput } from '@/server/schemas/audit';
import { callerForPerson } from '@/server/identity/server-caller';

export const metadata: Metadata = { title: 'Audit trail' };

const FILTERS = [
  ['action', 'Action', 'version.registered'],
  ['actor', 'Actor id', ''],
  ['modelId', 'Model id', ''],
  ['version', 'Version', '1.2.0'],
  ['from', 'From (ISO time)', '2026-11-01T00:00:00Z'],
  ['to', 'To (ISO time)', ''],
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const person = await requirePerson();
  if (!person.isAdmin && !person.memberships.some((m) => m.role === 'maintainer')) notFound();
  const params = await searchParams;
  const query = Object.fromEntries(Object.entries(params).filter(([k, v]) => v && (FILTERS.some(([f]) => f === k) || k === 'cursor')));
  const parsed = listAuditInput.safeParse(query);
  const page = parsed.success ? await (await callerForPerson()).audit.list(parsed.data) : null;
  const next = page?.nextCursor ? `?${new URLSearchParams({ ...query, cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <form className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" aria-label="Filter the audit trail">
        {FILTERS.map(([name, label, placeholder]) => (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">{label}</label>
            <input id={name} name={name} defaultValue={params[name] ?? ''} placeholder={placeholder} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
          </div>
        ))}
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-indigo-600 px-4 py-1.5 text-white hover:bg-indigo-700">Filter</button>
          <Link href="/audit" className="text-sm text-slate-600 underline">Clear</Link>
        </div>
      </form>
      {!parsed.success && (
        <p role="alert" className="text-rose-700">
          {parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}
        </p>
      )}
      {page && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable)
        <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-label="Audit records" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {['Time', 'Actor', 'Team', 'Action', 'Resource', 'Summary', 'Correlation id'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="px-3 py-4 text-slate-500">No records match.</td>
                </tr>
              )}
              {page.items.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{r.occurredAt.slice(0, 19).replace('T', ' ')}</td>
                  <td className="px-3 py-2">{r.actor.name}</td>
                  <td className="px-3 py-2">{r.team ?? 'platform'}</td>
                  <td className="px-3 py-2 font-mono">{r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.resourceType}:{r.resourceId.slice(0, 8)}</td>
                  <td className="max-w-md px-3 py-2 font-mono text-xs break-all">{JSON.stringify(r.summary)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.correlationId.slice(0, 12)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {next && <Link href={next} className="text-indigo-700 underline">Older records</Link>}
    </div>
  );
}

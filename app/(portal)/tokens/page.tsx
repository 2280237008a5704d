import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { RevokeButton } from '@/components/tokens/revoke-button';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '—');

export default async function TokensPage() {
  const person = await requirePerson();
  const { items } = await (await callerForPerson()).tokens.list({});
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="text-slate-700">
        Tokens let scripts call the API as one of your teams. You see your own tokens and every token of the teams you maintain.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-label="API tokens" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {['Prefix', 'Name', 'Team', 'Role', 'Scopes', 'Created', 'Last used', 'Expires', ''].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-4 text-slate-500">
                  No tokens yet.
                </td>
              </tr>
            )}
            {items.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-mono">{t.prefix}…</td>
                <td className="px-3 py-2">{t.name}</td>
                <td className="px-3 py-2">{t.team}</td>
                <td className="px-3 py-2">{t.role}</td>
                <td className="px-3 py-2">{t.scopes.join(', ')}</td>
                <td className="px-3 py-2">{when(t.createdAt)}</td>
                <td className="px-3 py-2">{when(t.lastUsedAt)}</td>
                <td className="px-3 py-2">{when(t.expiresAt)}</td>
                <td className="px-3 py-2">
                  <RevokeButton label={`${t.prefix}… (${t.name})`} revoke={revokeTokenAction.bind(null, t.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {person.memberships.length > 0 ? (
        <CreateTokenForm teams={person.memberships.map((m) => ({ slug: m.teamSlug, role: m.role }))} create={createTokenAction} />
      ) : (
        <p className="text-slate-600">You belong to no team, so you cannot create tokens.</p>
      )}
    </div>
  );
}

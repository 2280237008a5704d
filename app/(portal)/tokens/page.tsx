import type { Metadata } from 'next';
import { ScrollTable, textHeaders } from '@/components/layout/scroll-table';
import { Timestamp } from '@/components/time/timestamp';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { RevokeButton } from '@/components/tokens/revoke-button';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import type { ApiToken } from '@/server/schemas/token';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

/** A moment in UTC, or "never" for one that has not come (a token never used). */
const when = (iso: string | null) => (iso ? <Timestamp at={iso} /> : <span className="text-slate-500">never</span>);

type Creator = ApiToken['createdBy'];

/** Who made the token: a person (you, or a teammate on a team you maintain), or the command line. */
function creator(by: Creator, personId: string) {
  if (!by) return <span className="text-slate-500">not recorded</span>;
  if (by.kind === 'user' && by.id === personId) return `${by.name} (you)`;
  return by.name;
}

const HEADERS = ['Prefix', 'Name', 'Team', 'Created by', 'Role', 'Scopes', 'Created', 'Last used', 'Expires'];

export default async function TokensPage() {
  const person = await requirePerson();
  const { items } = await (await callerForPerson()).tokens.list({});
  const now = Date.now();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="text-slate-700">
        Tokens let scripts call the API as one of your teams. You see your own tokens and every token of the teams you maintain.
      </p>
      <ScrollTable label="API tokens" headers={[...textHeaders(HEADERS), { key: 'actions', content: <span className="sr-only">Actions</span> }]}>
        {items.length === 0 && (
          <tr>
            <td colSpan={HEADERS.length + 1} className="px-3 py-4 text-slate-500">
              No tokens yet.
            </td>
          </tr>
        )}
        {items.map((t) => (
          <tr key={t.id} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono">{t.prefix}…</td>
            <td className="px-3 py-2">{t.name}</td>
            <td className="px-3 py-2">{t.team}</td>
            <td className="px-3 py-2">{creator(t.createdBy, person.id)}</td>
            <td className="px-3 py-2">{t.role}</td>
            <td className="px-3 py-2">{t.scopes.join(', ')}</td>
            <td className="whitespace-nowrap px-3 py-2">{when(t.createdAt)}</td>
            <td className="whitespace-nowrap px-3 py-2">{when(t.lastUsedAt)}</td>
            <td className="whitespace-nowrap px-3 py-2">
              {when(t.expiresAt)}
              {Date.parse(t.expiresAt) <= now && <span className="ml-1 text-rose-700">(expired)</span>}
            </td>
            <td className="px-3 py-2">
              <RevokeButton label={`${t.prefix}… (${t.name})`} revoke={revokeTokenAction.bind(null, t.id)} />
            </td>
          </tr>
        ))}
      </ScrollTable>
      {person.memberships.length > 0 ? (
        <CreateTokenForm teams={person.memberships.map((m) => ({ slug: m.teamSlug, role: m.role }))} create={createTokenAction} />
      ) : (
        <p className="text-slate-600">You belong to no team, so you cannot create tokens.</p>
      )}
    </div>
  );
}

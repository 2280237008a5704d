import type { Metadata } from 'next';
import { ActionButton } from '@/components/webhooks/action-button';
import { CreateWebhookForm } from '@/components/webhooks/create-webhook-form';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { createWebhookAction, redeliverAction, removeWebhookAction, rotateSecretAction, sendTestAction, setEnabledAction } from './actions';
import { Timestamp, formatUtc } from '@/components/time/timestamp';

export const metadata: Metadata = { title: 'Webhooks' };

const TONE = { succeeded: 'text-emerald-800', pending: 'text-amber-800', failed: 'text-red-800' };

export default async function WebhooksPage() {
  const person = await requirePerson();
  const caller = await callerForPerson();
  const hooks = await caller.webhooks.list({});
  const logs = await Promise.all(hooks.map((h) => caller.webhooks.deliveries({ webhookId: h.id, limit: 20 })));
  const maintained = person.isAdmin ? [...new Set([...person.memberships.map((m) => m.teamSlug), ...hooks.map((h) => h.team)])] : person.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamSlug);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="text-slate-700">
        Your teams&apos; changes — registrations, approvals, transitions, alias moves, evaluations, deployments — sent to your endpoints as they commit, signed
        the Standard Webhooks way (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) and retried for about a day.
      </p>
      {hooks.length === 0 && <p className="text-slate-500">No webhooks yet.</p>}
      {hooks.map((h, i) => (
        <section key={h.id} aria-label={`Webhook ${h.url}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 className="font-mono text-sm font-semibold break-all">{h.url}</h2>
              <p className="text-sm text-slate-600">
                Team {h.team} · {h.eventTypes.length ? h.eventTypes.join(', ') : 'all events'}
                {h.description && ` · ${h.description}`} ·{' '}
                {h.enabled ? <span className="text-emerald-800">enabled</span> : <span className="text-red-800">disabled: {h.disabledReason}</span>}
                {h.secretRotatedUntil && ` · previous secret signs until ${formatUtc(h.secretRotatedUntil)}`}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <ActionButton label="Send test event" run={sendTestAction.bind(null, h.id)} done="Test event queued" />
              <ActionButton label="Rotate secret" run={rotateSecretAction.bind(null, h.id)} done="New secret made" revealsSecret />
              <ActionButton label={h.enabled ? 'Pause' : 'Enable'} run={setEnabledAction.bind(null, h.id, !h.enabled)} done={h.enabled ? 'Paused' : 'Enabled'} />
              <ActionButton label="Delete" tone="danger" confirm="Stop sending to this endpoint?" run={removeWebhookAction.bind(null, h.id)} done="Webhook deleted" />
            </div>
          </div>
          <h3 className="text-sm font-medium">Deliveries</h3>
          {logs[i]!.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing sent yet.</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable)
            <section className="relative overflow-x-auto" tabIndex={0} aria-label={`Deliveries to ${h.url}`}>
              <table className="w-full text-left text-xs">
                <thead className="text-slate-600">
                  <tr>
                    {['Created', 'Event', 'Status', 'Attempts', 'Last answer', ''].map((c) => (
                      <th key={c} scope="col" className="py-1 pr-3 font-medium">{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {logs[i]!.map((d) => {
                    const last = d.attempts.at(-1);
                    return (
                      <tr key={d.id} className="border-t border-slate-100 align-top">
                        <td className="py-1 pr-3 font-mono whitespace-nowrap"><Timestamp at={d.createdAt} precision="second" /></td>
                        <td className="py-1 pr-3"><code>{d.eventType}</code>{d.trigger !== 'event' && <span className="text-slate-500"> ({d.trigger})</span>}</td>
                        <td className={`py-1 pr-3 font-medium ${TONE[d.status]}`}>{d.status}</td>
                        <td className="py-1 pr-3">{d.attempts.map((a) => `${a.statusCode ?? '—'} (${a.durationMs} ms)`).join(', ') || '—'}</td>
                        <td className="max-w-sm py-1 pr-3 break-all">{last ? (last.error ?? last.responseExcerpt ?? '') : d.nextAttemptAt ? `next try ${formatUtc(d.nextAttemptAt, 'second')}` : ''}</td>
                        <td className="py-1"><ActionButton label="Redeliver" run={redeliverAction.bind(null, h.id, d.eventId)} done="Sent again" /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </section>
      ))}
      {maintained.length > 0 ? (
        <CreateWebhookForm teams={maintained} create={createWebhookAction} />
      ) : (
        <p className="text-sm text-slate-600">Webhooks are managed by a team&apos;s maintainers.</p>
      )}
    </div>
  );
}

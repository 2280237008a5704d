'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { EVENT_TYPES } from '@/db/schema/vocabulary';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import type { ActionResult } from '@/server/http/action-result';
import { createWebhookInput } from '@/server/schemas/webhook';

interface Props {
  teams: string[];
  create: (input: unknown) => Promise<ActionResult<{ secret: string; webhook: { url: string } }>>;
}

/** Subscribes an endpoint; shows its signing secret once. What was typed stays when refused. */
export function CreateWebhookForm({ teams, create }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      team: String(form.get('team') ?? ''),
      url: String(form.get('url') ?? '').trim(),
      eventTypes: form.getAll('eventTypes').map(String),
      description: String(form.get('description') ?? '').trim() || undefined,
    };
    const parsed = createWebhookInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromIssues(parsed.error.issues).fieldErrors);
    startTransition(async () => {
      const result = await create(input);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        setSecret(result.data.secret);
        router.refresh();
        return;
      }
      setErrors((result.error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {});
      setMessage(result.error.message);
    });
  }

  const input = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1';
  return (
    <form onSubmit={submit} aria-labelledby="new-webhook" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-webhook" className="font-semibold">Add a webhook</h2>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <label className="text-sm font-medium">
          Team
          <select name="team" className={input}>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Endpoint URL
          <input name="url" type="url" required placeholder="https://ci.example.com/hooks/registry" aria-invalid={!!errors.url} aria-describedby="url-error" className={input} />
          <span id="url-error" className="text-sm font-normal text-red-700">{errors.url?.map((e) => `The URL ${e}`).join('; ')}</span>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Events (none ticked: all of them)</legend>
        <div className="mt-1 grid gap-1 text-sm sm:grid-cols-3">
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="checkbox" name="eventTypes" value={type} /> <code>{type}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-medium">
        Description
        <input name="description" placeholder="what receives these events" className={input} />
      </label>
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
        Add webhook
      </button>
      <p role="alert" className="text-sm text-red-700">{message}</p>
      {secret && (
        <output className="block rounded bg-amber-50 p-3 text-sm">
          Signing secret — copy it now, it is not shown again: <code className="break-all">{secret}</code>
        </output>
      )}
    </form>
  );
}

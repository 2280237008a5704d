'use client';

import { useState, useTransition } from 'react';
import { createTokenInput } from '@/server/schemas/token';
import { TOKEN_SCOPES } from '@/db/schema/vocabulary';
import type { ActionResult } from '@/server/http/action-result';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import { submitKeepingInput } from '@/components/forms/submit-keeping-input';
import { useHydrated } from '@/components/forms/use-hydrated';

interface Props {
  teams: { slug: string; role: string }[];
  create: (input: unknown) => Promise<ActionResult<{ token: string; record: { prefix: string } }>>;
}

export function CreateTokenForm({ teams, create }: Props) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function submit(form: FormData) {
    const input = {
      name: String(form.get('name') ?? ''),
      team: String(form.get('team') ?? ''),
      scopes: form.getAll('scopes').map(String),
      expiresInDays: Number(form.get('expiresInDays')),
    };
    // The API's own schema checks the form before it is sent.
    const parsed = createTokenInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues).fieldErrors);
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await create(input);
      if (result.ok) {
        setSecret(result.data.token);
        setMessage(null);
      } else {
        setErrors(result.error.details?.fieldErrors ?? {});
        setMessage(result.error.message);
      }
    });
  }

  const error = (field: string) =>
    errors[field] && (
      <p id={`${field}-error`} className="text-sm text-rose-700">
        {errors[field].join('; ')}
      </p>
    );

  return (
    <form onSubmit={submitKeepingInput(submit)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Create a token">
      <h2 className="font-semibold">Create a token</h2>
      <div>
        <label htmlFor="name" className="block text-sm font-medium">Name</label>
        <input id="name" name="name" className="mt-1 w-full rounded border border-slate-300 px-2 py-1" placeholder="ci-pipeline" aria-describedby="name-error" />
        {error('name')}
      </div>
      <div>
        <label htmlFor="team" className="block text-sm font-medium">Team</label>
        <select id="team" name="team" className="mt-1 w-full rounded border border-slate-300 px-2 py-1">
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.slug} ({t.role})
            </option>
          ))}
        </select>
        {error('team')}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Scopes</legend>
        <div className="flex gap-4">
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'read'} /> {scope}
            </label>
          ))}
        </div>
        {error('scopes')}
      </fieldset>
      <div>
        <label htmlFor="expiresInDays" className="block text-sm font-medium">Expires in (days)</label>
        <input id="expiresInDays" name="expiresInDays" type="number" defaultValue={90} min={1} max={365} className="mt-1 w-32 rounded border border-slate-300 px-2 py-1" />
        {error('expiresInDays')}
      </div>
      {message && <p role="alert" className="text-sm text-rose-700">{message}</p>}
      <button type="submit" disabled={pending || !hydrated} className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700 disabled:opacity-50">
        {pending ? 'Creating…' : 'Create token'}
      </button>
      {secret && (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3">
          <p className="text-sm font-medium">Copy this token now; it will not be shown again.</p>
          <code data-testid="new-token" className="block break-all font-mono text-sm">{secret}</code>
        </div>
      )}
    </form>
  );
}

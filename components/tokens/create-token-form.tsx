'use client';

import { useState, useTransition } from 'react';
import { createTokenInput } from '@/server/schemas/token';
import { TOKEN_SCOPES } from '@/db/schema/vocabulary';
import type { ActionResult } from '@/server/http/action-result';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import { submitKeepingInput } from '@/components/forms/submit-keeping-input';
import { useHydrated } from '@/components/forms/use-hydrated';
import { CopyButton } from '@/components/layout/copy-button';

interface Props {
  teams: { slug: string; role: string }[];
  create: (input: unknown) => Promise<ActionResult<{ token: string; record: { prefix: string; scopes: string[] } }>>;
}

interface NewToken {
  secret: string;
  prefix: string;
  scopes: string[];
}

export function CreateTokenForm({ teams, create }: Props) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  // Held in this component's memory only: never logged, stored or sent anywhere.
  const [created, setCreated] = useState<NewToken | null>(null);
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
        setCreated({ secret: result.data.token, prefix: result.data.record.prefix, scopes: result.data.record.scopes });
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
        <div className="flex flex-wrap gap-x-4 gap-y-1">
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
      <button type="submit" disabled={pending || !hydrated} aria-busy={pending} className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700 disabled:opacity-50">
        {pending ? 'Creating…' : 'Create token'}
      </button>
      {/* Present before anything is created, so the news is announced when it arrives; the secret itself is not read out. */}
      <p role="status" className="sr-only">
        {created ? `Token ${created.prefix}… created. Copy it now; it will not be shown again.` : ''}
      </p>
      {created && <CreatedToken {...created} />}
    </form>
  );
}

/** The new secret, shown this once, with ways to use it; each part has its own copy button. */
function CreatedToken({ secret, scopes }: Omit<NewToken, 'prefix'>) {
  // Only rendered after a submission, so always in the browser.
  const origin = window.location.origin;
  const curl = `curl -H "Authorization: Bearer ${secret}" ${origin}/api/v1/models`;
  const cli = `export REGISTRY_URL=${origin}\nexport REGISTRY_TOKEN=${secret}\nnpm run registry -- models list`;
  return (
    <section aria-labelledby="new-token-heading" className="min-w-0 space-y-3 rounded border border-emerald-300 bg-emerald-50 p-3">
      <h3 id="new-token-heading" className="text-sm font-semibold">
        Your new token
      </h3>
      <p className="text-sm">Copy it now; it will not be shown again.</p>
      <div className="flex items-start gap-2">
        <code data-testid="new-token" className="block min-w-0 flex-1 break-all font-mono text-sm">
          {secret}
        </code>
        <CopyButton text={secret} label="token" />
      </div>
      <Snippet title="Call the API with curl" text={curl} label="curl command" />
      <Snippet title="Or set it for the command line (npm run registry)" text={cli} label="shell variables" />
      {!scopes.includes('read') && <p className="text-sm text-slate-700">Both list models, which needs the read scope; this token does not have it.</p>}
    </section>
  );
}

function Snippet({ title, text, label }: { title: string; text: string; label: string }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium">{title}</p>
        <CopyButton text={text} label={label} />
      </div>
      {/* Wrapped rather than scrolled, so it fits a phone; the copy button copies it unbroken. */}
      <pre className="whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs">{text}</pre>
    </div>
  );
}

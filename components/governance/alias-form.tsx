'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';
import { aliasNameSchema } from '@/server/schemas/alias';

/** Points an alias (champion, production, …) at this version; protected ones follow the policy. */
export function AliasForm({ point }: { point: (alias: string) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [alias, setAlias] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = aliasNameSchema.safeParse(alias.trim());
    if (!checked.success) return setError(`Alias ${checked.error.issues[0]!.message}`);
    startTransition(async () => {
      const result = await point(checked.data);
      if (result.ok) {
        setError(null);
        setAlias('');
        toast.success(`@${checked.data} points here`);
        router.refresh();
      } else {
        setError(result.error.message);
        toast.error(result.error.message);
      }
    });
  }

  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2" aria-label="Point an alias here">
      <label className="text-sm font-medium">
        Alias
        <input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="champion" aria-invalid={!!error} aria-describedby="alias-error" className="mt-1 block rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
        Point here
      </button>
      <p id="alias-error" role="alert" className="w-full text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}

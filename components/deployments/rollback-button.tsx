'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';

/** Rolls an environment back to what served it before, asking why (the reason is audited). */
export function RollbackButton({ environment, rollback }: { environment: string; rollback: (reason: string) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-red-300 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
        Roll back {environment}
      </button>
    );
  }
  return (
    <form
      aria-label={`Roll back ${environment}`}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await rollback(reason);
          if (!result.ok) return setError(result.error.message);
          toast.success(`Rollback of ${environment} requested`);
          setOpen(false);
          router.refresh();
        });
      }}
    >
      <label className="text-sm font-medium">
        Why roll back?
        <input value={reason} onChange={(e) => setReason(e.target.value)} required className="mt-1 block rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        Roll back
      </button>
      <button type="button" onClick={() => setOpen(false)} className="text-sm underline">
        Cancel
      </button>
      <p role="alert" className="w-full text-sm text-red-700">{error}</p>
    </form>
  );
}

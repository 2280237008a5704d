'use client';

import { useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';

/** Ends every session of a person, after asking; says how many there were. */
export function EndSessionsButton({ person, end }: { person: string; end: () => Promise<ActionResult<{ ended: number }>> }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending} aria-busy={pending}
      aria-label={`End every session of ${person}`}
      onClick={() => {
        if (!window.confirm(`End every session of ${person}? They will have to sign in again.`)) return;
        startTransition(async () => {
          const result = await end();
          if (result.ok) toast.success(`Ended ${result.data.ended} session${result.data.ended === 1 ? '' : 's'} of ${person}`);
          else toast.error(`${result.error.message} (reference ${result.error.traceId})`);
        });
      }}
      className="rounded border border-rose-300 px-2 py-0.5 text-xs text-rose-700 hover:bg-rose-50"
    >
      End sessions
    </button>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';

const TONES = {
  plain: 'border border-slate-300 bg-white hover:bg-slate-50',
  danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
};

/**
 * A button that runs a bound server action, says how it went, and refreshes the page. With
 * `revealsSecret`, the secret the action answers is shown once below it.
 */
export function ActionButton({
  label,
  run,
  done,
  tone = 'plain',
  confirm,
  revealsSecret = false,
}: {
  label: string;
  run: () => Promise<ActionResult<unknown>>;
  done: string;
  tone?: keyof typeof TONES;
  confirm?: string;
  revealsSecret?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<string | null>(null);

  const go = () =>
    startTransition(async () => {
      setAsking(false);
      const result = await run();
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(done);
      if (revealsSecret) setShown((result.data as { secret: string }).secret);
      router.refresh();
    });

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {asking ? (
        <>
          <span className="text-sm">{confirm}</span>
          <button type="button" onClick={go} className={`rounded px-2 py-1 text-sm font-medium ${TONES.danger}`}>Yes, {label.toLowerCase()}</button>
          <button type="button" onClick={() => setAsking(false)} className="text-sm underline">Cancel</button>
        </>
      ) : (
        <button type="button" disabled={pending} aria-busy={pending} onClick={() => (confirm ? setAsking(true) : go())} className={`rounded px-2 py-1 text-sm font-medium disabled:opacity-50 ${TONES[tone]}`}>
          {label}
        </button>
      )}
      {shown && (
        <output className="block w-full rounded bg-amber-50 p-2 text-sm">
          Copy it now, it is not shown again: <code className="break-all">{shown}</code>
        </output>
      )}
    </span>
  );
}

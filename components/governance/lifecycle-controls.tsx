'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';

type Call = (comment: string | undefined) => Promise<ActionResult<unknown>>;

export interface Control {
  label: string;
  /** Approving is the one to press; asking for changes needs the comment. */
  tone: 'primary' | 'secondary' | 'danger';
  needsComment?: boolean;
  run: Call;
}

/** The lifecycle moves open to this person now, with one shared comment box. */
export function LifecycleControls({ controls }: { controls: Control[] }) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (controls.length === 0) return null;

  function press(control: Control) {
    if (control.needsComment && !comment.trim()) {
      setError(`${control.label}: say what should change in the comment`);
      return;
    }
    startTransition(async () => {
      const result = await control.run(comment.trim() || undefined);
      if (result.ok) {
        setError(null);
        setComment('');
        toast.success(`${control.label}: done`);
        router.refresh();
      } else {
        setError(result.error.message);
        toast.error(result.error.message);
      }
    });
  }

  const tones = {
    primary: 'bg-indigo-700 text-white hover:bg-indigo-800',
    secondary: 'border border-slate-300 bg-white hover:bg-slate-50',
    danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
  };
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium">
        Comment
        <textarea name="comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {controls.map((control) => (
          <button key={control.label} type="button" disabled={pending} aria-busy={pending} onClick={() => press(control)} className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${tones[control.tone]}`}>
            {control.label}
          </button>
        ))}
      </div>
    </div>
  );
}

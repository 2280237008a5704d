'use client';

import { toast } from 'sonner';

export function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <button
      type="button"
      onClick={() => void navigator.clipboard.writeText(text).then(() => toast.success(`${label} copied`))}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
    >
      Copy <span className="sr-only">{label}</span>
    </button>
  );
}

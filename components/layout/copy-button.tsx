'use client';

import { toast } from 'sonner';

/**
 * Copies `text` to the clipboard. `label` names what is copied, for the button's accessible name
 * and the toast; it is never the text itself, so a secret is not echoed anywhere.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  async function copy() {
    try {
      // Absent outside a secure context (a portal served over plain http on an internal host).
      await navigator.clipboard.writeText(text);
      toast.success(`${label.charAt(0).toUpperCase()}${label.slice(1)} copied`);
    } catch {
      toast.error(`Could not copy the ${label}: select it and copy it by hand`);
    }
  }
  return (
    <button type="button" onClick={() => void copy()} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
      Copy <span className="sr-only">{label}</span>
    </button>
  );
}

'use client';

import { useTransition } from 'react';

export function RevokeButton({ label, revoke }: { label: string; revoke: () => Promise<unknown> }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending} aria-busy={pending}
      aria-label={`Revoke ${label}`}
      onClick={() => {
        if (window.confirm(`Revoke ${label}? Scripts using it will stop working.`)) startTransition(async () => void (await revoke()));
      }}
      className="rounded border border-rose-300 px-2 py-0.5 text-sm text-rose-700 hover:bg-rose-50"
    >
      Revoke
    </button>
  );
}

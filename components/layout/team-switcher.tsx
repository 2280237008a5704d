'use client';

import { useRouter, useSearchParams } from 'next/navigation';

/** Narrows the catalog to one of the person's teams (or all of them). */
export function TeamSwitcher({ teams }: { teams: string[] }) {
  const router = useRouter();
  const current = useSearchParams().get('team') ?? '';
  return (
    <label className="flex items-center gap-1 text-sm text-slate-600">
      <span className="sr-only sm:not-sr-only">Team</span>
      <select
        value={current}
        onChange={(e) => router.push(e.target.value ? `/models?team=${encodeURIComponent(e.target.value)}` : '/models')}
        className="rounded border border-slate-300 bg-white px-1 py-0.5"
        aria-label="Team"
      >
        <option value="">All my teams</option>
        {teams.map((t) => (
          <option key={t} value={t}>{t}</option>
        ))}
      </select>
    </label>
  );
}

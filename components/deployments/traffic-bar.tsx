// Shades for up to six versions sharing an environment; the labels carry the facts.
const SHADES = ['bg-indigo-600', 'bg-sky-500', 'bg-emerald-500', 'bg-amber-500', 'bg-rose-500', 'bg-slate-500'];

/** An environment's traffic as one bar split by version, with each share written out. */
export function TrafficBar({ environment, shares }: { environment: string; shares: { version: string; percent: number }[] }) {
  if (!shares.length) return <p className="text-sm text-slate-500">Nothing deployed to {environment}.</p>;
  const label = shares.map((s) => `${s.version} ${s.percent}%`).join(', ');
  return (
    <div>
      <div role="img" aria-label={`${environment} traffic: ${label}`} className="flex h-4 w-full overflow-hidden rounded">
        {shares.map((s, i) => (
          <div key={s.version} className={SHADES[i % SHADES.length]} style={{ width: `${s.percent}%` }} />
        ))}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 text-sm">
        {shares.map((s, i) => (
          <li key={s.version} className="flex items-center gap-1">
            <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${SHADES[i % SHADES.length]}`} />
            <span className="font-mono">{s.version}</span> {s.percent}%
          </li>
        ))}
      </ul>
    </div>
  );
}

import Link from 'next/link';

const LABELS: Record<string, string> = {
  q: 'Search',
  team: 'Team',
  framework: 'Framework',
  deploymentTarget: 'Target',
  state: 'State',
  tag: 'Tag',
  alias: 'Alias',
  version: 'Version',
};

/** The filters in effect as chips, each a link to the same catalog without it. */
export function FilterChips({ params }: { params: Record<string, string> }) {
  const active = Object.entries(params).filter(([key, value]) => key in LABELS && value);
  if (active.length === 0) return null;
  const without = (key: string) => {
    const rest = Object.fromEntries(Object.entries(params).filter(([k]) => k !== key && k !== 'offset' && k !== 'cursor'));
    return `/models?${new URLSearchParams(rest)}`;
  };
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Filters in effect">
      {active.map(([key, value]) => (
        <li key={key}>
          <Link href={without(key)} className="inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 px-3 py-1 text-sm text-indigo-900 hover:bg-indigo-100">
            {LABELS[key]}: <strong className="font-medium">{value}</strong>
            <span aria-hidden="true">×</span>
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
      {active.length > 1 && (
        <li>
          <Link href="/models" className="text-sm text-indigo-700 underline">Clear all</Link>
        </li>
      )}
    </ul>
  );
}

/**
 * A moment as people read it. Pages render on the server, which cannot know the reader's zone, so
 * the zone is always named (UTC) rather than left to be guessed; the exact instant is in the
 * `dateTime` attribute and the tooltip.
 */
export function formatUtc(iso: string, precision: 'minute' | 'second' = 'minute'): string {
  const date = new Date(iso);
  const text = date.toISOString().slice(0, precision === 'minute' ? 16 : 19).replace('T', ' ');
  return `${text} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "just now": how long ago, measured from `now`. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function Timestamp({ at, relative = false, precision = 'minute', className }: { at: string; relative?: boolean; precision?: 'minute' | 'second'; className?: string }) {
  const exact = formatUtc(at, precision);
  return (
    // A relative time rendered on the server may have moved on by the time the browser hydrates.
    <time dateTime={at} title={exact} className={className} suppressHydrationWarning={relative}>
      {relative ? formatRelative(at) : exact}
    </time>
  );
}

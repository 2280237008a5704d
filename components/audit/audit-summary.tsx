import type { ReactNode } from 'react';
import { Timestamp } from '@/components/time/timestamp';
import type { ListAuditOutput } from '@/server/schemas/audit';
import { SENTENCES } from './sentences';
import { fieldName, inWords, isEmpty, isIsoTime } from './words';

export type AuditRecord = ListAuditOutput['items'][number];
type Summary = Record<string, unknown>;

/**
 * Any summary as "field: value" lines, for actions without a sentence of their own. Ids are left
 * out: the Resource column links what they point at.
 */
function fieldLines(summary: Summary): ReactNode[] {
  return Object.entries(summary)
    .filter(([k, v]) => !isEmpty(v) && !/(^id|Id)$/.test(k))
    .map(([k, v]) => (
      <>
        {fieldName(k)[0]!.toUpperCase() + fieldName(k).slice(1)}: {isIsoTime(v) ? <Timestamp at={v} precision="second" /> : inWords(v)}
      </>
    ));
}

/** What an audit record says happened, in sentences rather than its stored JSON. */
export function AuditSummary({ record, teamSlugs }: { record: AuditRecord; teamSlugs: ReadonlyMap<string, string> }) {
  const sentence = SENTENCES[record.action];
  const lines = sentence?.(record.summary, { teamSlugs }, record.action) ?? fieldLines(record.summary);
  if (lines.length === 0) return <span className="text-slate-500">No details</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one summary never reorder
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

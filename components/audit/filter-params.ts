import { type ListAuditInput, listAuditInput } from '@/server/schemas/audit';

export type SearchParams = Record<string, string | string[] | undefined>;

export const FILTER_LABELS = { action: 'Action', actor: 'Person', modelId: 'Model', version: 'Version', from: 'From', to: 'To', cursor: 'Page' } as const;
type FilterName = keyof typeof FILTER_LABELS;

export interface DroppedFilter {
  name: FilterName;
  label: string;
  value: string;
  message: string;
}

export interface AuditFilters {
  /** The audit list's input: every valid filter of the address, none of the others. */
  input: ListAuditInput;
  /** The valid filters as the address spells them: the form shows them, the next pages keep them. */
  query: Partial<Record<FilterName, string>>;
  dropped: DroppedFilter[];
}

const fields = listAuditInput.shape;
// Why a value is refused, in words, rather than zod's own messages ("Invalid UUID").
const CHECKS: Record<Exclude<FilterName, 'from' | 'to'>, [(value: string) => boolean, string]> = {
  action: [(v) => fields.action.safeParse(v).success, 'is not an audit action'],
  actor: [(v) => fields.actor.safeParse(v).success, 'is not the id of anyone who acted'],
  modelId: [(v) => fields.modelId.safeParse(v).success, 'is not a model id'],
  version: [(v) => fields.version.safeParse(v).success, 'is not a version like 1.2.0'],
  cursor: [(v) => fields.cursor.safeParse(v).success, 'is not a page of this list'],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a From or To date stands for: the start or the end of that day in UTC (the times
 * the page shows are UTC too). A full ISO time is taken as it is, so addresses made before the
 * date pickers still work.
 */
function dayBoundary(value: string, end: boolean): string | null {
  if (DAY.test(value)) {
    const iso = `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`;
    const date = new Date(iso);
    // Round-tripping refuses days that do not exist (2026-02-30), which Date would roll over.
    return !Number.isNaN(date.getTime()) && date.toISOString() === iso ? iso : null;
  }
  return fields.from.safeParse(value).success ? value : null;
}

/** The YYYY-MM-DD a date input shows for an address's From or To (a day, or an old ISO time). */
export function dayOf(value: string | undefined): string {
  const instant = value ? dayBoundary(value, false) : null;
  return instant ? new Date(instant).toISOString().slice(0, 10) : '';
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/**
 * Reads the page's address. An invalid filter is dropped on its own, with a reason to show, so a
 * mistyped value narrows nothing rather than blanking the page.
 */
export function parseAuditFilters(params: SearchParams): AuditFilters {
  const query: AuditFilters['query'] = {};
  const dropped: DroppedFilter[] = [];
  const input: ListAuditInput = { limit: 50 };
  const drop = (name: FilterName, value: string, message: string) => dropped.push({ name, label: FILTER_LABELS[name], value, message });

  for (const name of ['action', 'actor', 'modelId', 'version', 'cursor'] as const) {
    const value = first(params[name]);
    if (!value) continue;
    const [valid, message] = CHECKS[name];
    if (!valid(value)) drop(name, value, message);
    else {
      query[name] = value;
      input[name] = value;
    }
  }
  // The audit list refuses a version without its model; only the version is dropped.
  if (input.version && !input.modelId) {
    drop('version', input.version, 'needs a model');
    delete input.version;
    delete query.version;
  }
  for (const name of ['from', 'to'] as const) {
    const value = first(params[name]);
    if (!value) continue;
    const instant = dayBoundary(value, name === 'to');
    if (!instant) drop(name, value, 'is not a date');
    else if (name === 'to' && input.from && Date.parse(instant) < Date.parse(input.from)) drop(name, value, 'is before From');
    else {
      query[name] = value;
      input[name] = instant;
    }
  }
  return { input, query, dropped };
}

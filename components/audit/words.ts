// Values of audit summaries in words: the summaries are JSON written by each service, shown to
// people who should not have to read JSON.

const NAMES: Record<string, string> = {
  card: 'model card',
  riskTier: 'risk tier',
  sharedWith: 'sharing',
  url: 'URL',
  deploymentConfig: 'deployment preferences',
  deploymentTarget: 'deployment target',
  artifactUri: 'artifact',
  eventTypes: 'event types',
  memoryMb: 'memory (MB)',
  timeoutSeconds: 'timeout (seconds)',
  clientAddress: 'client address',
  approvalsWithdrawn: 'approvals withdrawn',
  aliasesRemoved: 'aliases removed',
  sha256: 'SHA-256',
};

/** "deploymentTarget" → "deployment target"; known fields by the names the forms give them. */
export function fieldName(key: string): string {
  return NAMES[key] ?? key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A vocabulary value: "changes_requested" → "changes requested". */
export const term = (value: unknown) => String(value ?? '').replace(/_/g, ' ');

export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

export const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);

const LONG = 80;

/** Text too long for a table cell (a model card): said to have changed, not quoted. */
export const isLongText = (value: unknown) => typeof value === 'string' && (value.length > LONG || value.includes('\n'));

/** A value in words: lists joined, objects as "key value" pairs, long text cut short. */
export function inWords(value: unknown, depth = 0): string {
  if (isEmpty(value)) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value.length > LONG ? `${value.slice(0, LONG - 1)}…` : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => inWords(v, depth + 1)).join(', ');
  if (isRecord(value)) {
    if (depth > 1) return plural(Object.keys(value).length, 'field');
    const pairs = Object.entries(value)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${fieldName(k)}: ${inWords(v, depth + 1)}`)
      .join(', ');
    return depth > 0 ? `(${pairs})` : pairs;
  }
  return String(value);
}

/** "a, b and c". */
export const andList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const isIsoTime = (value: unknown): value is string => typeof value === 'string' && ISO_TIME.test(value);

export interface Change {
  path: string;
  from: unknown;
  to: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The leaves that differ between two values: nested objects (deployment preferences, lineage,
 * metrics) are compared field by field, "deployment preferences › memory (MB)".
 */
export function leafChanges(path: string, from: unknown, to: unknown, depth = 0): Change[] {
  if (depth < 3 && (isRecord(from) || isRecord(to)) && !Array.isArray(from) && !Array.isArray(to)) {
    const before = isRecord(from) ? from : {};
    const after = isRecord(to) ? to : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys.filter((k) => !same(before[k], after[k])).flatMap((k) => leafChanges(`${path} › ${fieldName(k)}`, before[k], after[k], depth + 1));
    // Both sides empty or equal: still say the field was written.
    return changes.length ? changes : [{ path, from, to }];
  }
  return [{ path, from, to }];
}

import Link from 'next/link';
import { modelPath, versionPath } from '@/server/portal-paths';
import type { AuditRecord } from './audit-summary';
import { fieldName } from './words';

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A model as the page looks it up when a record's summary names it without its id. */
export const modelKey = (team: string | null, name: string) => `${team ?? ''}/${name}`;

/**
 * The id of the model a record is about: its summary's modelId, the resource itself for model
 * records, else the one the page found for the summary's team and model name (artifact.added and
 * version.review_withdrawn record no modelId).
 */
export function recordModelId(record: AuditRecord, found: ReadonlyMap<string, string>): string | undefined {
  const s = record.summary;
  if (str(s.modelId)) return s.modelId as string;
  if (record.resourceType === 'model') return record.resourceId;
  return str(s.model) ? found.get(modelKey(record.team, s.model as string)) : undefined;
}

function target(record: AuditRecord, modelId: string | undefined): { label: string; href?: string } {
  const s = record.summary;
  const version = str(s.version);
  const named = str(s.model) && version ? `${s.model} ${version}` : version;
  const versionHref = modelId && version ? versionPath(modelId, version) : undefined;
  switch (record.resourceType) {
    case 'model_version':
      return { label: named ?? 'A version', href: versionHref };
    case 'model':
      return { label: str(s.model) ?? 'A model', href: modelPath(record.resourceId) };
    case 'deployment':
      return { label: named ? `${named} in ${str(s.environment) ?? 'an environment'}` : 'A deployment', href: versionHref };
    case 'policy': {
      const team = str(s.team) ?? record.team;
      return team ? { label: `${team} policy${s.revision ? `, revision ${s.revision}` : ''}`, href: `/governance/policy/${encodeURIComponent(team)}` } : { label: 'A policy' };
    }
    case 'api_token':
      return { label: str(s.prefix) ? `Token ${s.prefix}…` : 'A token', href: '/tokens' };
    case 'webhook':
      return { label: str(s.url) ? `Webhook to ${s.url}` : 'A webhook', href: '/webhooks' };
    case 'team':
      return { label: `Team ${str(s.slug) ?? record.team ?? ''}`.trim() };
    case 'session':
      if (record.action === 'auth.sessions_ended') return { label: `Sessions of ${str(s.person) ?? 'a person'}` };
      // A failed sign-in names the step that failed; other session records, the person's session.
      return { label: record.action === 'auth.sign_in_failed' ? `Sign-in (${record.resourceId})` : 'Session' };
    case 'request':
      return { label: `Request to ${record.resourceId}` };
    default:
      return { label: fieldName(record.resourceType) };
  }
}

/** What a record is about, linked to its page where it has one (a deregistered version's shows its tombstone). */
export function AuditResource({ record, modelId }: { record: AuditRecord; modelId: string | undefined }) {
  const { label, href } = target(record, modelId);
  return href ? (
    <Link href={href} className="text-indigo-700 underline wrap-anywhere">
      {label}
    </Link>
  ) : (
    <span className="wrap-anywhere">{label}</span>
  );
}

import type { ReactNode } from 'react';
import { Timestamp } from '@/components/time/timestamp';
import { andList, type Change, fieldName, inWords, isEmpty, isIsoTime, isLongText, isRecord, leafChanges, plural, term } from './words';

// One sentence (or a few lines) per audit action, from the summary its service records (see the
// recordAudit calls in server/services). Each returns null when the summary lacks what its
// sentence needs (an older shape): the record is then shown field by field instead.

type Summary = Record<string, unknown>;
/** One or more lines; null when the summary lacks what the action's sentence needs. */
type Lines = ReactNode[] | null;

interface Context {
  /** Team ids the viewer can name (a model's sharedWith holds ids). */
  teamSlugs: ReadonlyMap<string, string>;
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const names = (value: unknown) => (Array.isArray(value) ? value.flatMap((p) => (isRecord(p) && str(p.name) ? [p.name as string] : [])) : []);

const quote = (text: unknown) => (str(text) ? <span className="text-slate-600">“{inWords(text)}”</span> : null);
const withComment = (lines: ReactNode[], comment: unknown) => (str(comment) ? [...lines, quote(comment)] : lines);
const versionOf = (s: Summary) => (str(s.model) && str(s.version) ? `${s.model} ${s.version}` : str(s.version));
const approvals = (s: Summary) => (num(s.approvalsWithdrawn) ? [`Withdrew ${plural(num(s.approvalsWithdrawn)!, 'approval')} given before`] : []);

function changeSentence({ path, from, to }: Change): string {
  if (isLongText(from) || isLongText(to)) return isEmpty(from) ? `Wrote the ${path}` : isEmpty(to) ? `Cleared the ${path}` : `Rewrote the ${path}`;
  if (isEmpty(from)) return `Set ${path} to ${inWords(to)}`;
  if (isEmpty(to)) return `Cleared ${path} (was ${inWords(from)})`;
  return `Changed ${path} from ${inWords(from)} to ${inWords(to)}`;
}

/** `changed: { field: { from, to } }`, as model.updated and version.updated record it. */
function changes(changed: unknown, ctx: Context): Lines {
  if (!isRecord(changed) || Object.keys(changed).length === 0) return null;
  return Object.entries(changed).flatMap(([field, change]) => {
    if (!isRecord(change)) return [`Changed ${fieldName(field)}`];
    const teams = (ids: unknown) => (field === 'sharedWith' ? teamNames(ids, ctx) : ids);
    return leafChanges(fieldName(field), teams(change.from), teams(change.to)).map(changeSentence);
  });
}

function teamNames(ids: unknown, ctx: Context): unknown {
  if (!Array.isArray(ids)) return ids;
  const known = ids.flatMap((id) => ctx.teamSlugs.get(String(id)) ?? []);
  const others = ids.length - known.length;
  return others ? [...known, plural(others, 'other team')] : known;
}

function deploymentRequested(s: Summary): Lines {
  const version = versionOf(s);
  if (!version || !str(s.environment)) return null;
  const share = num(s.trafficPercent) !== undefined && s.trafficPercent !== 100 ? `, ${s.trafficPercent}% of its traffic` : '';
  const main = s.rollbackOf ? `Asked to roll ${s.environment} back to ${version}` : `Asked to deploy ${version} to ${s.environment}${share}`;
  const split = Array.isArray(s.allocation) && s.allocation.length > 1 ? [`Traffic: ${s.allocation.map((a) => (isRecord(a) ? `${a.version} ${a.percent}%` : '')).join(', ')}`] : [];
  return withComment([main, ...split], s.reason);
}

function refused(s: Summary, _ctx: Context, action: string): Lines {
  const count = num(s.count) ?? 1;
  const what = action === 'auth.sign_in_failed' ? 'Sign-in failed' : 'Refused';
  const window = isRecord(s.window) && isIsoTime(s.window.from) ? (
    <>
      , in the minute from <Timestamp at={s.window.from} precision="second" />
    </>
  ) : null;
  return [
    <>
      {what} {plural(count, 'time')}
      {str(s.code) ? ` (${s.code})` : ''}
      {str(s.clientAddress) ? ` from ${s.clientAddress}` : ''}
      {window}
    </>,
    ...(str(s.reason) ? [quote(s.reason)] : []),
  ];
}

export const SENTENCES: Record<string, (s: Summary, ctx: Context, action: string) => Lines> = {
  'model.created': (s) => (versionOf(s) ? [`Registered the new model ${s.model} with its first version ${s.version}${str(s.framework) ? ` (${s.framework}, ${s.deploymentTarget})` : ''}`] : null),
  'version.registered': (s) => (versionOf(s) ? [`Registered ${versionOf(s)}${str(s.framework) ? ` (${s.framework}, ${s.deploymentTarget})` : ''}`] : null),
  'model.updated': (s, ctx) => changes(s.changed, ctx),
  'version.updated': (s, ctx) => {
    const lines = changes(s.changed, ctx);
    return lines && [...lines, ...approvals(s)];
  },
  'version.deregistered': (s) => {
    if (!versionOf(s)) return null;
    const aliases = list(s.aliasesRemoved);
    const removed = aliases.length ? `, removing its ${aliases.length === 1 ? 'alias' : 'aliases'} ${aliases.join(', ')}` : '';
    return withComment([`Deregistered ${versionOf(s)}${removed}`], s.reason);
  },
  'alias.moved': (s) => (str(s.alias) && str(s.to) ? withComment([s.from ? `Moved alias ${s.alias} from ${s.from} to ${s.to}` : `Set alias ${s.alias} to ${s.to}`], s.comment) : null),
  'alias.removed': (s) => (str(s.alias) ? withComment([`Removed alias ${s.alias}${str(s.from) ? ` (it pointed at ${s.from})` : ''}`], s.comment) : null),
  'version.review_opened': (s) => (versionOf(s) && str(s.environment) ? withComment([`Asked for a ${s.environment} review of ${versionOf(s)}`], s.comment) : null),
  'version.review_withdrawn': (s) => (versionOf(s) && str(s.environment) ? withComment([`Withdrew the ${s.environment} review of ${versionOf(s)}`], s.comment) : null),
  'version.approved': (s) => (versionOf(s) && str(s.environment) ? withComment([`Approved ${versionOf(s)} for ${s.environment}`], s.comment) : null),
  'version.changes_requested': (s) => (versionOf(s) && str(s.environment) ? withComment([`Asked for changes to ${versionOf(s)} before ${s.environment}`], s.comment) : null),
  'version.transitioned': (s) => {
    if (!versionOf(s) || !str(s.to)) return null;
    const decided = names(s.decidedBy);
    const asked = isRecord(s.requestedBy) ? str(s.requestedBy.name) : undefined;
    const who = [asked && `asked by ${asked}`, decided.length && `decided by ${decided.join(', ')}`].filter(Boolean).join(', ');
    return withComment([`Moved ${versionOf(s)} from ${term(s.from)} to ${term(s.to)}${who ? ` (${who})` : ''}`], s.comment);
  },
  'artifact.added': (s) => (str(s.uri) ? [`Added a ${term(s.type) || 'new'} artifact to ${versionOf(s) ?? 'the version'}: ${s.uri}`, ...approvals(s)] : null),
  'evaluation.recorded': (s) => {
    if (!str(s.suite)) return null;
    const failures = list(s.failures);
    const main = `Recorded the evaluation ${s.suite} of ${versionOf(s) ?? 'the version'}: ${s.passed ? 'passed' : 'failed'}`;
    return [main, ...failures.map((f) => `Not met: ${f}`)];
  },
  'deployment.requested': deploymentRequested,
  'deployment.status_changed': (s) =>
    versionOf(s) && str(s.to)
      ? withComment([`The deployment of ${versionOf(s)} to ${s.environment} went from ${term(s.from)} to ${term(s.to)}`, ...(str(s.error) ? [`Error: ${inWords(s.error)}`] : [])], s.message)
      : null,
  'policy.saved': (s) => (num(s.revision) ? withComment([`Saved revision ${s.revision} of the ${str(s.team) ?? 'team'} policy`], s.comment) : null),
  'token.created': (s) =>
    str(s.prefix)
      ? [
          <>
            Created the token {str(s.name) ? `“${s.name}” ` : ''}({s.prefix}…) as {term(s.role)} with {list(s.scopes).join(', ') || 'no'} scopes
            {isIsoTime(s.expiresAt) ? (
              <>
                , expiring <Timestamp at={s.expiresAt} />
              </>
            ) : null}
          </>,
        ]
      : null,
  'token.revoked': (s) => (str(s.prefix) ? [`Revoked the token ${s.prefix}…${str(s.reason) ? `: ${s.reason}` : ''}`] : null),
  'token.role_lowered': (s) => (str(s.prefix) ? [`Lowered the token ${s.prefix}… from ${term(s.from)} to ${term(s.to)}${str(s.reason) ? `: ${s.reason}` : ''}`] : null),
  'webhook.created': (s) => (str(s.url) ? [`Subscribed ${s.url} to ${list(s.eventTypes).join(', ') || 'every event'}`] : null),
  'webhook.updated': (s) => {
    const fields = andList(list(s.changed).map(fieldName));
    return [`Changed the webhook's ${fields || 'settings'}${s.reenabled ? ', and turned it back on' : ''}`];
  },
  'webhook.deleted': (s) => [`Deleted the webhook${str(s.url) ? ` to ${s.url}` : ''}`],
  'webhook.secret_rotated': (s) => [
    <>
      Rotated the webhook&apos;s signing secret
      {isIsoTime(s.previousSignsUntil) ? (
        <>
          ; the previous one signs until <Timestamp at={s.previousSignsUntil} />
        </>
      ) : null}
    </>,
  ],
  'webhook.redelivery_requested': () => ['Asked to deliver an event again'],
  'auth.signed_in': (s) => {
    const teams = Array.isArray(s.teams) ? s.teams.flatMap((m) => (isRecord(m) && str(m.teamSlug) ? [`${term(m.role)} of ${m.teamSlug}`] : [])) : [];
    const as = [...teams, ...(s.admin ? ['platform admin'] : [])];
    return [`Signed in${as.length ? ` as ${as.join(', ')}` : ''}`];
  },
  'auth.signed_out': () => ['Signed out'],
  'auth.sessions_ended': (s) => [`Ended ${plural(num(s.sessions) ?? 0, 'session')}${str(s.person) ? ` of ${s.person}` : ''}`],
  'auth.sign_in_failed': refused,
  'access.denied': refused,
  'team.created': (s) => [`Created the team ${str(s.slug) ?? ''}`.trim()],
};

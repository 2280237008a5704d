import { headers } from 'next/headers';
import Link from 'next/link';
import NotFound from '@/app/not-found';
import { Timestamp } from '@/components/time/timestamp';
import { callerForPerson } from '@/server/identity/server-caller';
import { REQUEST_PATH_HEADER } from '@/server/identity/request-path';
import { modelPath } from '@/server/portal-paths';
import type { Deregistration } from '@/server/schemas/version';

/** The version the page was asked for: a not-found page is given no params, so read the path. */
function requestedVersion(path: string | null): { modelId: string; version: string } | null {
  const match = path?.split('?')[0]?.match(/^\/models\/([^/]+)\/versions\/([^/]+)$/);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { modelId: decodeURIComponent(match[1]), version: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

async function deregistrationOf(path: string | null): Promise<Deregistration | null> {
  const key = requestedVersion(path);
  if (!key) return null;
  // Not deregistered, never registered, or not the reader's to see: the plain 404 page.
  return (await callerForPerson()).versions.deregistration(key).catch(() => null);
}

/** A deregistered version answers 404 like any missing page, and says who took it away, when and why. */
export default async function VersionNotFound() {
  const tombstone = await deregistrationOf((await headers()).get(REQUEST_PATH_HEADER));
  if (!tombstone) return <NotFound />;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/models" className="hover:underline">Models</Link> / <Link href={modelPath(tombstone.modelId)} className="hover:underline">{tombstone.modelName}</Link> / {tombstone.version}
      </nav>
      <h1 className="text-2xl font-semibold break-all">
        {tombstone.modelName} <span className="font-mono">{tombstone.version}</span> was deregistered
      </h1>
      <section className="rounded-lg border border-slate-300 bg-white p-4" aria-label="Tombstone">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Deregistered</dt>
          <dd>
            <Timestamp at={tombstone.deregisteredAt} /> by {tombstone.deregisteredBy?.name ?? 'unknown'}
          </dd>
          <dt className="font-medium">Reason</dt>
          <dd>{tombstone.reason ?? 'No reason was given.'}</dd>
          <dt className="font-medium">Registered</dt>
          <dd>
            <Timestamp at={tombstone.registeredAt} /> by {tombstone.registeredBy.name} · team {tombstone.team}
          </dd>
          <dt className="font-medium">Artifact</dt>
          <dd className="font-mono break-all">{tombstone.artifactUri}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600">
          The version number cannot be registered again; the audit trail keeps its history.{' '}
          <Link href={modelPath(tombstone.modelId)} className="text-indigo-700 underline">The model&apos;s live versions</Link>
        </p>
      </section>
    </div>
  );
}

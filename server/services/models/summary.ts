import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import semver from 'semver';
import type { Database } from '@/db/client';
import { modelVersions, models } from '@/db/schema';
import { DEPLOYMENT_TARGETS, type FRAMEWORKS } from '../../../db/schema/vocabulary';
import { modelFacets } from './facets';
import { latestVersionColumns, modelColumns } from './serialize';

/** Orders versions by SemVer precedence, then by registration time for equal precedence. */
export const compareSemver = (a: { version: string; createdAt: Date }, b: { version: string; createdAt: Date }) =>
  semver.compare(a.version, b.version) || a.createdAt.getTime() - b.createdAt.getTime();

/**
 * A text key that orders like SemVer precedence for the catalog's "latest version" sort: numbers
 * zero-padded, a release after its pre-releases. Pre-release identifiers compare as text.
 */
function latestVersionSortKey(version: string): string {
  const parsed = semver.parse(version);
  if (!parsed) return version;
  const pad = (n: number) => String(n).padStart(10, '0');
  const pre = parsed.prerelease.length ? `0${parsed.prerelease.join('.')}` : '1';
  return `${pad(parsed.major)}.${pad(parsed.minor)}.${pad(parsed.patch)}.${pre}`;
}

/** The catalog's search document: the name weighs most, then tags, then the description. */
export const searchDocument = (name: SQL, tags: SQL, description: SQL) =>
  sql`setweight(to_tsvector('simple', ${name}), 'A')
    || setweight(to_tsvector('simple', ${tags}), 'B')
    || setweight(to_tsvector('simple', ${description}), 'C')`;

/** What the model's summary needs of each live version. */
export interface LiveVersion {
  id: string;
  version: string;
  createdAt: Date;
  tags: string[];
  description: string | null;
  deploymentTarget: (typeof DEPLOYMENT_TARGETS)[number];
  framework: (typeof FRAMEWORKS)[number];
}

/**
 * The summary a model row carries of its live versions (pure: the service after every change and
 * the bulk seed both compute it here): the latest release, its sort key, the count, the union of
 * tags, the targets, the catalog facets, and the newest description. "Latest" is the release people
 * mean: 2.0.0, not the 2.1.0-rc.1 registered after it; a pre-release only while there is no release.
 */
export function summarizeLiveVersions<V extends LiveVersion>(live: readonly V[]) {
  const newestFirst = [...live].sort(compareSemver).reverse();
  const latest = newestFirst.find((v) => !semver.prerelease(v.version)) ?? newestFirst[0] ?? null;
  return {
    latest,
    latestVersionId: latest?.id ?? null,
    latestVersionSort: latest ? latestVersionSortKey(latest.version) : null,
    versionCount: live.length,
    tags: [...new Set(live.flatMap((v) => v.tags))].sort(),
    deploymentTargets: DEPLOYMENT_TARGETS.filter((t) => live.some((v) => v.deploymentTarget === t)),
    facets: modelFacets(live),
    description: newestFirst.find((v) => v.description)?.description ?? null,
  };
}

/**
 * Rewrites the model's summary of its live versions. Callers hold the model row's lock (taken by
 * the registration upsert or by `findLiveVersion(…, lock)`), so concurrent changes to one model cannot
 * interleave and leave a stale summary.
 */
export async function refreshModelSummary(tx: Database, model: { id: string; name: string }) {
  const live = await tx
    .select({
      ...latestVersionColumns(modelVersions),
      tags: modelVersions.tags,
      description: modelVersions.description,
    })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt)));

  const { latest, ...summary } = summarizeLiveVersions(live);
  // A model card written by maintainers outranks the versions' descriptions.
  const description = sql`coalesce(${models.card}, ${summary.description})`;
  const [updated] = await tx
    .update(models)
    .set({
      ...summary,
      description,
      updatedAt: sql`now()`,
      searchVector: searchDocument(sql`${model.name}`, sql`${summary.tags.join(' ')}`, sql`coalesce(${description}, '')`),
    })
    .where(eq(models.id, model.id))
    .returning(modelColumns);
  return { model: updated!, latest };
}

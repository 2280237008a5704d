import { getTableColumns, type InferSelectModel } from 'drizzle-orm';
import { type modelVersions, models } from '@/db/schema';
import type { Model } from '../../schemas/model';
import type { ModelVersion } from '../../schemas/version';

// Every column but the search document, which only the database reads.
const { searchVector: _searchVector, ...columns } = getTableColumns(models);
export const modelColumns = columns;

export type ModelRow = Omit<InferSelectModel<typeof models>, 'searchVector'>;
export type VersionRow = InferSelectModel<typeof modelVersions>;

export type LatestVersionRow = Pick<
  VersionRow,
  'id' | 'version' | 'framework' | 'deploymentTarget' | 'state' | 'deploymentStatus' | 'createdAt'
>;

export function toModel(row: ModelRow, teamSlug: string, latest: LatestVersionRow | null): Model {
  return {
    id: row.id,
    name: row.name,
    team: teamSlug,
    description: row.description,
    tags: row.tags,
    owners: row.owners,
    riskTier: row.riskTier,
    visibility: row.visibility,
    latestVersion: latest && {
      id: latest.id,
      version: latest.version,
      framework: latest.framework,
      deploymentTarget: latest.deploymentTarget,
      state: latest.state,
      deploymentStatus: latest.deploymentStatus,
      createdAt: latest.createdAt.toISOString(),
    },
    deploymentTargets: row.deploymentTargets,
    versionCount: row.versionCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toModelVersion(row: VersionRow, model: { name: string; teamSlug: string }): ModelVersion {
  return {
    id: row.id,
    modelId: row.modelId,
    modelName: model.name,
    team: model.teamSlug,
    version: row.version,
    framework: row.framework,
    artifactUri: row.artifactUri,
    deploymentTarget: row.deploymentTarget,
    deploymentConfig: row.deploymentConfig,
    description: row.description,
    tags: row.tags,
    metrics: row.metrics,
    hyperparameters: row.hyperparameters,
    lineage: row.lineage,
    state: row.state,
    deploymentStatus: row.deploymentStatus,
    registeredBy: row.registeredBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } as ModelVersion;
}

/** Columns of a version shown in a model's summary. */
export const latestVersionColumns = (v: typeof modelVersions) => ({
  id: v.id,
  version: v.version,
  framework: v.framework,
  deploymentTarget: v.deploymentTarget,
  state: v.state,
  deploymentStatus: v.deploymentStatus,
  createdAt: v.createdAt,
});

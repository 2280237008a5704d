import type { ModelDetail, Model } from '../schemas/model';
import type { ModelVersion } from '../schemas/version';
import { portalUrl } from '../config';
import { versionUrl } from '../services/export/document';
import { modelPath } from '../portal-paths';

// Tool results go into an assistant's context window: the facts, without the noise.

const MAX_DESCRIPTION = 400;
const clip = (text: string | null) => (text && text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text);
const modelUrl = (id: string) => portalUrl(modelPath(id));

export const modelSummary = (m: Model) => ({
  id: m.id,
  name: m.name,
  team: m.team,
  description: clip(m.description),
  tags: m.tags,
  deploymentTargets: m.deploymentTargets,
  latestVersion: m.latestVersion && {
    version: m.latestVersion.version,
    framework: m.latestVersion.framework,
    deploymentTarget: m.latestVersion.deploymentTarget,
    state: m.latestVersion.state,
    deploymentStatus: m.latestVersion.deploymentStatus,
  },
  versionCount: m.versionCount,
  updatedAt: m.updatedAt,
  url: modelUrl(m.id),
});

const versionSummary = (v: ModelVersion) => ({
  version: v.version,
  framework: v.framework,
  deploymentTarget: v.deploymentTarget,
  state: v.state,
  deploymentStatus: v.deploymentStatus,
  metrics: v.metrics,
  createdAt: v.createdAt,
});

export const modelWithVersions = (m: ModelDetail) => ({
  ...modelSummary(m),
  owners: m.owners,
  riskTier: m.riskTier,
  versions: m.versions.map(versionSummary),
});

export const versionDetail = (v: ModelVersion) => ({
  ...v,
  description: clip(v.description),
  url: versionUrl(v.modelId, v.version),
});

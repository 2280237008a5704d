import type { ModelDetail, Model } from '../schemas/model';
import type { ModelVersion } from '../schemas/version';
import type { VersionGovernance } from '../schemas/governance';
import type { DeploymentHistory } from '../schemas/deployment';
import { portalUrl } from '../config';
import { versionUrl } from '../services/export/document';
import { modelPath } from '../portal-paths';

// Tool results go into an assistant's context window: the facts, without the noise.

const MAX_DESCRIPTION = 400;
const clip = (text: string | null) => (text && text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text);
const modelUrl = (id: string) => portalUrl(modelPath(id));

export const modelSummary = (m: Model & { inProduction?: string[] }) => ({
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
  ...(m.inProduction ? { inProduction: m.inProduction } : {}),
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

/** A version's governance as an assistant needs it: who asked, who approved, what passed, what is missing. */
export const governanceSummary = (g: VersionGovernance) => ({
  state: g.state,
  aliases: g.aliases,
  // Reviews come newest first: the latest approval of each environment is the one that stands.
  approvedBy: Object.fromEntries(
    [...g.reviews]
      .reverse()
      .filter((r) => r.status === 'approved')
      .map((r) => [r.environment, { requestedBy: r.requestedBy.name, approvers: r.approvals.filter((a) => !a.withdrawnAt).map((a) => a.approver.name), at: r.closedAt }]),
  ),
  openReview: g.openReview && { environment: g.openReview.environment, requestedBy: g.openReview.requestedBy.name, approvals: g.openReview.approvals.filter((a) => !a.withdrawnAt).map((a) => a.approver.name) },
  history: g.transitions.map((t) => ({ from: t.from, to: t.to, requestedBy: t.requestedBy.name, decidedBy: t.decidedBy.map((p) => p.name), comment: t.comment, at: t.at })),
  evaluations: g.evaluations.map((e) => ({ suite: e.suite, passed: e.passed, failures: e.failures, at: e.createdAt })),
  artifacts: g.artifacts.map((a) => ({ type: a.type, uri: a.uri, sha256: a.sha256 })),
  next: g.checks.map((c) => ({ to: c.to, allowed: c.allowed, unmet: c.conditions.filter((x) => !x.met).map((x) => `${x.requirement} (${x.detail})`) })),
});

const share = (p: { version: string; percent: number; from: string }) => ({ version: p.version, percent: p.percent, since: p.from });

/**
 * Where a model's versions run: each environment's split now (and at `at`), and for one version
 * where it serves and its latest deployments, with the endpoint each produced.
 */
export const deploymentsSummary = (h: DeploymentHistory, version?: string) => ({
  environments: h.environments.map((e) => ({
    environment: e.environment,
    serving: e.serving.map(share),
    ...(e.servingAt ? { servingAt: e.servingAt.map(({ version: v, percent, from, to }) => ({ version: v, percent, from, to })) } : {}),
  })),
  ...(version
    ? {
        version: {
          version,
          servingIn: h.environments.flatMap((e) => e.serving.filter((p) => p.version === version).map((p) => ({ environment: e.environment, percent: p.percent, since: p.from }))),
        },
      }
    : {}),
  deployments: h.deployments
    .filter((d) => !version || d.version === version)
    .slice(0, 10)
    .map((d) => ({ id: d.id, version: d.version, environment: d.environment, split: d.allocation, status: d.status, endpoint: d.endpoint, error: d.error, requestedBy: d.requestedBy.name, reason: d.reason, at: d.createdAt })),
});

import type { InferSelectModel } from 'drizzle-orm';
import type { modelVersions } from '@/db/schema';
import { portalUrl } from '../../config';
import type { RagDelete, RagUpsert } from '../../schemas/rag-export';
import { versionPath } from '../../portal-paths';
import type { GovernanceFacts } from './governance-facts';

type VersionRow = Omit<InferSelectModel<typeof modelVersions>, 'hyperparameters' | 'deletedBy' | 'deletedReason' | 'teamId'>;

/** A version with the facts of its model and team that its document tells. */
export interface ExportRow {
  version: VersionRow;
  model: {
    name: string;
    description: string | null;
    owners: string[];
    riskTier: RagUpsert['metadata']['riskTier'];
    // Who may read it, for the export's visibility rules (not part of the document).
    teamId: string;
    visibility: 'team' | 'internal' | 'shared';
    sharedWith: string[];
    visibilityChangeXid: string | null;
    visibilityChangeSeq: number | null;
  };
  teamSlug: string;
  governance: GovernanceFacts;
}

const TARGET_NAMES = { LAMBDA: 'AWS Lambda', EKS: 'Kubernetes (Amazon EKS)' } as const;

const documentId = (versionId: string) => `model-version:${versionId}`;

export const versionUrl = (modelId: string, version: string) =>
  portalUrl(versionPath(modelId, version));

const humanize = (value: string) => value.replaceAll('_', ' ');

const list = (entries: [string, unknown][]) =>
  entries.map(([key, value]) => `- ${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join('\n');

function section(title: string, body: string | null | undefined): string[] {
  return body ? [`## ${title}`, body, ''] : [];
}

/** The model card of one version in Markdown: what an assistant quotes when asked about it. */
function modelCard({ version: v, model, teamSlug, governance: g }: ExportRow, url: string): string {
  const lineage = v.lineage;
  const approvals = (['staging', 'production'] as const).filter((env) => g.approvedBy[env].length).map((env) => `for ${env} by ${g.approvedBy[env].join(', ')}`);
  return [
    `# ${model.name} ${v.version}`,
    `Team ${teamSlug} · ${v.framework} · ${TARGET_NAMES[v.deploymentTarget]} · state ${humanize(v.state)} · ` +
      `deployment ${humanize(v.deploymentStatus)}${model.riskTier ? ` · ${model.riskTier} risk` : ''}`,
    '',
    ...section('Purpose', v.description ?? model.description ?? 'No description was given.'),
    ...section('Tags', v.tags.join(', ')),
    ...section(`Deployment preferences (${TARGET_NAMES[v.deploymentTarget]})`, list(Object.entries(v.deploymentConfig))),
    ...section('Metrics', list(Object.entries(v.metrics))),
    ...section(
      'Lineage',
      list(
        Object.entries({
          'parent version': lineage.parentVersion,
          datasets: lineage.datasets?.join(', '),
          'training job': lineage.trainingJobId,
          commit: lineage.commitSha,
          notes: lineage.notes,
        }).filter(([, value]) => value),
      ),
    ),
    ...section(
      'Governance',
      list(
        Object.entries({
          aliases: g.aliases.map((a) => `@${a}`).join(', '),
          approved: approvals.join('; '),
          evaluations: g.evaluations.map((e) => `${e.suite} ${e.passed ? 'passed' : 'failed'}`).join(', '),
          'deployed in': g.servingIn.map((s) => `${s.environment} (${s.percent}% of traffic since ${s.since.slice(0, 10)})`).join(', '),
        }).filter(([, value]) => value),
      ),
    ),
    ...section('Owners', model.owners.join(', ')),
    ...section(
      'Links',
      list([
        ['portal', url],
        ['artifact', v.artifactUri],
      ]),
    ),
    `Registered by ${v.registeredBy.name} on ${v.createdAt.toISOString().slice(0, 10)}; last changed ${v.updatedAt.toISOString()}.`,
  ].join('\n');
}

export function upsertDocument(row: ExportRow, cursor: string): RagUpsert {
  const { version: v, model, teamSlug } = row;
  const url = versionUrl(v.modelId, v.version);
  return {
    op: 'upsert',
    id: documentId(v.id),
    modelId: v.modelId,
    versionId: v.id,
    title: `${model.name} ${v.version} (${teamSlug})`,
    text: modelCard(row, url),
    metadata: {
      team: teamSlug,
      model: model.name,
      version: v.version,
      framework: v.framework,
      deploymentTarget: v.deploymentTarget,
      deploymentConfig: v.deploymentConfig,
      state: v.state,
      deploymentStatus: v.deploymentStatus,
      tags: v.tags,
      metrics: v.metrics,
      lineage: v.lineage,
      owners: model.owners,
      riskTier: model.riskTier,
      artifactUri: v.artifactUri,
      registeredBy: v.registeredBy.name,
      createdAt: v.createdAt.toISOString(),
      ...row.governance,
    },
    url,
    updatedAt: v.updatedAt.toISOString(),
    cursor,
  };
}

export function deleteDocument(v: Pick<VersionRow, 'id' | 'modelId'>, reason: RagDelete['reason'], cursor: string): RagDelete {
  return { op: 'delete', id: documentId(v.id), modelId: v.modelId, versionId: v.id, reason, cursor };
}

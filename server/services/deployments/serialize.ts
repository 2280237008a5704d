import type { InferSelectModel } from 'drizzle-orm';
import type { deploymentEvents, deployments } from '@/db/schema';
import type { Deployment } from '../../schemas/deployment';

export type DeploymentRow = InferSelectModel<typeof deployments>;
type EventRow = InferSelectModel<typeof deploymentEvents>;

export const toDeployment = (row: DeploymentRow, names: { model: string; team: string; version: string }, events: EventRow[]): Deployment => ({
  id: row.id,
  modelId: row.modelId,
  model: names.model,
  team: names.team,
  version: names.version,
  environment: row.environment,
  trafficPercent: row.trafficPercent,
  allocation: row.allocation.map((s) => ({ version: s.version, percent: s.percent })),
  status: row.status,
  reason: row.reason,
  requestedBy: row.requestedBy,
  rollbackOf: row.rollbackOf,
  endpoint: row.endpoint,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  events: events.map((e) => ({
    status: e.status,
    progress: e.progress,
    message: e.message,
    endpoint: e.endpoint,
    error: e.error,
    reportedBy: e.reportedBy,
    at: e.occurredAt.toISOString(),
  })),
});

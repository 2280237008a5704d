import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deploymentEvents, deployments, modelVersions, trafficPeriods } from '@/db/schema';
import { assertTeamAccess } from '../../auth/access';
import { type Actor, principalRef } from '../../auth/principal';
import { conflict, notFound } from '../../errors/app-error';
import type { Deployment, ReportDeploymentInput } from '../../schemas/deployment';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { nextChange } from '../versions/change';
import { selectDeployments, withEvents } from './read';
import type { DeploymentRow } from './serialize';

const FINISHED = new Set(['succeeded', 'failed', 'rolled_back']);

/** A successful deployment becomes what serves: the environment's open periods end, its allocation's begin. */
async function switchTraffic(tx: Database, deployment: DeploymentRow, at: Date) {
  const ended = await tx
    .update(trafficPeriods)
    .set({ endedAt: at })
    .where(and(eq(trafficPeriods.modelId, deployment.modelId), eq(trafficPeriods.environment, deployment.environment), isNull(trafficPeriods.endedAt)))
    .returning({ versionId: trafficPeriods.versionId });
  // Every version whose share changed tells it again in the export ("deployed in").
  const touched = [...new Set([...ended.map((p) => p.versionId), ...deployment.allocation.map((s) => s.versionId)])];
  await tx.update(modelVersions).set(nextChange()).where(inArray(modelVersions.id, touched));
  await tx.insert(trafficPeriods).values(
    deployment.allocation.map((s) => ({ modelId: deployment.modelId, environment: deployment.environment, versionId: s.versionId, percent: s.percent, deploymentId: deployment.id, startedAt: at })),
  );
}

async function setStatus(tx: Database, actor: Actor, deployment: DeploymentRow, names: { model: string; version: string }, change: Partial<DeploymentRow> & { status: DeploymentRow['status'] }, message: string | null) {
  await tx.update(deployments).set({ ...change, updatedAt: new Date() }).where(eq(deployments.id, deployment.id));
  await tx.update(modelVersions).set({ deploymentStatus: change.status, ...nextChange() }).where(eq(modelVersions.id, deployment.versionId));
  await recordAudit(tx, actor, {
    teamId: deployment.teamId,
    action: 'deployment.status_changed',
    resourceType: 'deployment',
    resourceId: deployment.id,
    summary: {
      deploymentId: deployment.id,
      modelId: deployment.modelId,
      model: names.model,
      version: names.version,
      environment: deployment.environment,
      from: deployment.status,
      to: change.status,
      message,
      endpoint: change.endpoint ?? deployment.endpoint,
      error: change.error ?? null,
    },
  });
}

/** The deployment a successful rollback replaced is marked rolled back, with an event saying by which. */
async function markRolledBack(tx: Database, actor: Actor, rollback: DeploymentRow, at: Date) {
  const [replaced] = await selectDeployments(tx).where(eq(deployments.id, rollback.rollbackOf!)).for('update', { of: deployments });
  if (replaced?.deployment.status !== 'succeeded') return;
  const message = `rolled back by deployment ${rollback.id}`;
  await tx.insert(deploymentEvents).values({ deploymentId: replaced.deployment.id, status: 'rolled_back', message, reportedBy: principalRef(actor.principal), occurredAt: at });
  await setStatus(tx, actor, replaced.deployment, replaced, { status: 'rolled_back' }, message);
}

/**
 * What a pipeline reports about a deployment it works on: progress, then success (with the
 * endpoint or function ARN) or failure (with the error). Every report is kept; each change of
 * status is audited and announced. A finished deployment takes no more reports.
 */
export const reportDeployment = operation({ scope: 'deploy', role: 'viewer' }, async ({ db, actor }, input: ReportDeploymentInput): Promise<Deployment> =>
  db.transaction(async (tx) => {
    const [found] = await selectDeployments(tx).where(eq(deployments.id, input.deploymentId)).for('update', { of: deployments });
    if (!found) throw notFound('Deployment');
    const { deployment } = found;
    assertTeamAccess(actor.principal, deployment.teamId, reportDeployment.access.role, 'Deployment');
    if (FINISHED.has(deployment.status)) throw conflict(`The deployment already ${deployment.status === 'rolled_back' ? 'was rolled back' : deployment.status}: it takes no more reports`, { status: deployment.status });
    const now = new Date();
    const reporter = principalRef(actor.principal);
    await tx.insert(deploymentEvents).values({
      deploymentId: deployment.id,
      status: input.status,
      progress: input.progress ?? null,
      message: input.message ?? null,
      endpoint: input.endpoint ?? null,
      error: input.error ?? null,
      reportedBy: reporter,
      occurredAt: now,
    });
    if (input.status === 'succeeded') {
      await switchTraffic(tx, deployment, now);
      if (deployment.rollbackOf) await markRolledBack(tx, actor, deployment, now);
    }
    // After the replaced deployment: a version in both ends up with this deployment's status.
    if (input.status !== deployment.status) {
      const finished = input.status !== 'in_progress';
      const change = { status: input.status, endpoint: input.endpoint ?? deployment.endpoint, error: input.error ?? null, finishedAt: finished ? now : null };
      await setStatus(tx, actor, deployment, found, change, input.message ?? null);
    }
    const [row] = await selectDeployments(tx).where(eq(deployments.id, deployment.id));
    return (await withEvents(tx, [row!]))[0]!;
  }),
);

import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deploymentEvents, deployments, modelVersions, models, teams, trafficPeriods } from '@/db/schema';
import type { TrafficShare } from '@/db/schema/json-columns';
import type { Environment } from '../../schemas/lifecycle';
import { ENVIRONMENTS } from '@/db/schema/vocabulary';
import { canReadModel } from '../../auth/access';
import { notFound } from '../../errors/app-error';
import type { Deployment, DeploymentHistory, DeploymentHistoryInput, TrafficPeriod } from '../../schemas/deployment';
import { READ, operation } from '../operation';
import { readableModel } from '../models/readable';
import { type DeploymentRow, toDeployment } from './serialize';

/** What serves an environment now, as shares (the input of the next allocation). */
export async function servingNow(db: Database, modelId: string, environment: Environment): Promise<(TrafficShare & { deploymentId: string; startedAt: Date })[]> {
  return db
    .select({ versionId: trafficPeriods.versionId, version: modelVersions.version, percent: trafficPeriods.percent, deploymentId: trafficPeriods.deploymentId, startedAt: trafficPeriods.startedAt })
    .from(trafficPeriods)
    .innerJoin(modelVersions, eq(modelVersions.id, trafficPeriods.versionId))
    .where(and(eq(trafficPeriods.modelId, modelId), eq(trafficPeriods.environment, environment), isNull(trafficPeriods.endedAt)))
    .orderBy(desc(trafficPeriods.percent));
}

/** Deployments with their events and the names they refer to. */
export async function withEvents(db: Database, rows: { deployment: DeploymentRow; model: string; team: string; version: string }[]): Promise<Deployment[]> {
  const ids = rows.map((r) => r.deployment.id);
  const events = ids.length ? await db.select().from(deploymentEvents).where(inArray(deploymentEvents.deploymentId, ids)).orderBy(asc(deploymentEvents.occurredAt), asc(deploymentEvents.id)) : [];
  return rows.map((r) =>
    toDeployment(
      r.deployment,
      r,
      events.filter((e) => e.deploymentId === r.deployment.id),
    ),
  );
}

/** Deployments with the names of their model, team and version. */
export const selectDeployments = (db: Database) =>
  db
    .select({ deployment: deployments, model: models.name, team: teams.slug, version: modelVersions.version })
    .from(deployments)
    .innerJoin(models, eq(models.id, deployments.modelId))
    .innerJoin(teams, eq(teams.id, deployments.teamId))
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId));

/** One deployment with every event reported about it. */
export const getDeployment = operation(READ, async ({ db, actor }, input: { deploymentId: string }): Promise<Deployment> => {
  const [row] = await selectDeployments(db).where(eq(deployments.id, input.deploymentId));
  if (!row) throw notFound('Deployment');
  const [model] = await db.select({ teamId: models.teamId, visibility: models.visibility, sharedWith: models.sharedWith }).from(models).where(eq(models.id, row.deployment.modelId));
  if (!model || !canReadModel(actor.principal, model)) throw notFound('Deployment');
  return (await withEvents(db, [row]))[0]!;
});

/**
 * Which version served what share of each environment, from when to when, with who asked and
 * why; with `at`, what served then ("what was in production on 1 March").
 */
export const deploymentHistory = operation(READ, async ({ db, actor }, input: DeploymentHistoryInput): Promise<DeploymentHistory> => {
  await readableModel(db, actor.principal, eq(models.id, input.modelId));
  const environments = input.environment ? [input.environment] : [...ENVIRONMENTS];
  const periods = await db
    .select({ period: trafficPeriods, version: modelVersions.version, requestedBy: deployments.requestedBy, reason: deployments.reason })
    .from(trafficPeriods)
    .innerJoin(modelVersions, eq(modelVersions.id, trafficPeriods.versionId))
    .innerJoin(deployments, eq(deployments.id, trafficPeriods.deploymentId))
    .where(and(eq(trafficPeriods.modelId, input.modelId), inArray(trafficPeriods.environment, environments)))
    .orderBy(desc(trafficPeriods.startedAt), desc(trafficPeriods.percent));
  const at = input.at ? new Date(input.at) : null;
  const toPeriod = (p: (typeof periods)[number]): TrafficPeriod => ({
    version: p.version,
    percent: p.period.percent,
    from: p.period.startedAt.toISOString(),
    to: p.period.endedAt?.toISOString() ?? null,
    deploymentId: p.period.deploymentId,
    requestedBy: p.requestedBy,
    reason: p.reason,
  });
  const recent = await selectDeployments(db)
    .where(and(eq(deployments.modelId, input.modelId), inArray(deployments.environment, environments)))
    .orderBy(desc(deployments.createdAt), desc(deployments.id))
    .limit(50);
  return {
    modelId: input.modelId,
    environments: environments.map((environment) => {
      const mine = periods.filter((p) => p.period.environment === environment);
      return {
        environment,
        serving: mine.filter((p) => !p.period.endedAt).map(toPeriod),
        servingAt: at ? mine.filter((p) => p.period.startedAt <= at && (!p.period.endedAt || p.period.endedAt > at)).map(toPeriod) : null,
        periods: mine.map(toPeriod),
      };
    }),
    deployments: await withEvents(db, recent),
  };
});

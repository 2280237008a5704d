import { and, eq, inArray, isNull } from 'drizzle-orm';
import { modelVersions, models, trafficPeriods } from '@/db/schema';
import { assertRoleOnModel } from '../../auth/access';
import { conflict } from '../../errors/app-error';
import type { DeployAccepted, RollbackInput } from '../../schemas/deployment';
import { readableModel } from '../models/readable';
import { operation } from '../operation';
import { servingNow } from './read';
import { accepted, recordDeploymentRequest } from './request';
import { DEPLOY_ROLE } from './rules';

/**
 * Returns an environment to what served it before its current deployment, as a new deployment
 * (audited, announced, reported on by the pipeline like any other). When it succeeds, the
 * deployment it replaces is marked rolled back. What served before was approved then: the policy
 * is not asked again, but a deregistered version cannot come back.
 */
export const rollbackDeployment = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: RollbackInput): Promise<DeployAccepted> =>
  accepted(
    db,
    actor,
    input.idempotencyKey,
    (earlier) => earlier.deployment.environment === input.environment && earlier.deployment.modelId === input.modelId && !!earlier.deployment.rollbackOf,
    () =>
      db.transaction(async (tx) => {
        const { model } = await readableModel(tx, actor.principal, eq(models.id, input.modelId), true);
        assertRoleOnModel(actor.principal, model.teamId, DEPLOY_ROLE[input.environment]);
        const current = await servingNow(tx, model.id, input.environment);
        if (!current.length) throw conflict(`Nothing serves ${input.environment}: there is nothing to roll back`);
        const previous = await tx
          .select({ versionId: trafficPeriods.versionId, percent: trafficPeriods.percent, version: modelVersions.version, deletedAt: modelVersions.deletedAt })
          .from(trafficPeriods)
          .innerJoin(modelVersions, eq(modelVersions.id, trafficPeriods.versionId))
          .where(and(eq(trafficPeriods.modelId, model.id), eq(trafficPeriods.environment, input.environment), eq(trafficPeriods.endedAt, current[0]!.startedAt)));
        if (!previous.length) throw conflict(`${input.environment} has had a single deployment: there is no earlier state to return to`);
        const gone = previous.filter((p) => p.deletedAt);
        if (gone.length) throw conflict(`The earlier state had ${gone.map((g) => g.version).join(', ')}, deregistered since: deploy a version instead`);
        const allocation = previous.map(({ versionId, version, percent }) => ({ versionId, version, percent })).sort((a, b) => b.percent - a.percent);
        const [lead] = await tx
          .select()
          .from(modelVersions)
          .where(and(inArray(modelVersions.id, [allocation[0]!.versionId]), isNull(modelVersions.deletedAt)));
        return recordDeploymentRequest(tx, actor, {
          model,
          version: lead!,
          environment: input.environment,
          allocation,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
          rollbackOf: current[0]!.deploymentId,
        });
      }),
  ),
);

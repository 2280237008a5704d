import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deploymentEvents, deployments, modelVersions } from '@/db/schema';
import type { TrafficShare } from '@/db/schema/json-columns';

import { assertRoleOnModel } from '../../auth/access';
import { type Actor, principalRef } from '../../auth/principal';
import { AppError, conflict } from '../../errors/app-error';
import type { DeployAccepted, DeployInput } from '../../schemas/deployment';
import type { Environment } from '../../schemas/lifecycle';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import { assertAllowed, policyChecklist } from '../governance/check';
import { lockedVersion } from '../governance/locked-version';
import type { ModelRow, VersionRow } from '../models/serialize';
import { operation } from '../operation';
import { nextChange } from '../versions/change';
import { allocate } from './allocate';
import { DEPLOYABLE_FROM, DEPLOY_ROLE } from './rules';
import { selectDeployments, servingNow, withEvents } from './read';

export interface DeploymentRequest {
  model: Pick<ModelRow, 'id' | 'name' | 'teamId'>;
  version: Pick<VersionRow, 'id' | 'version' | 'artifactUri' | 'deploymentTarget' | 'deploymentConfig'>;
  environment: Environment;
  allocation: TrafficShare[];
  reason: string | undefined;
  idempotencyKey: string | undefined;
  rollbackOf?: string;
}

/**
 * Records a deployment request and announces it (`deployment.requested`, with what a pipeline
 * needs to do the work). One deployment at a time per model and environment.
 */
export async function recordDeploymentRequest(tx: Database, actor: Actor, request: DeploymentRequest): Promise<string> {
  const { model, version, environment, allocation } = request;
  const trafficPercent = allocation.find((s) => s.versionId === version.id)?.percent ?? 0;
  const [row] = await tx
    .insert(deployments)
    .values({
      modelId: model.id,
      teamId: model.teamId,
      versionId: version.id,
      environment,
      trafficPercent,
      allocation,
      reason: request.reason ?? null,
      requestedBy: principalRef(actor.principal),
      idempotencyKey: request.idempotencyKey ?? null,
      rollbackOf: request.rollbackOf ?? null,
    })
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'deployments_active_unique')) throw conflict(`A deployment of "${model.name}" to ${environment} is still at work: wait until it succeeds or fails`);
      throw error;
    });
  await tx.insert(deploymentEvents).values({ deploymentId: row!.id, status: 'requested', message: request.reason ?? null, reportedBy: principalRef(actor.principal) });
  await tx.update(modelVersions).set({ deploymentStatus: 'requested', ...nextChange() }).where(eq(modelVersions.id, version.id));
  await recordAudit(tx, actor, {
    teamId: model.teamId,
    action: 'deployment.requested',
    resourceType: 'deployment',
    resourceId: row!.id,
    summary: {
      deploymentId: row!.id,
      modelId: model.id,
      model: model.name,
      version: version.version,
      environment,
      trafficPercent,
      allocation: allocation.map((s) => ({ version: s.version, percent: s.percent })),
      rollbackOf: request.rollbackOf ?? null,
      reason: request.reason ?? null,
      artifactUri: version.artifactUri,
      deploymentTarget: version.deploymentTarget,
      deploymentConfig: version.deploymentConfig,
    },
  });
  return row!.id;
}

type Joined = Awaited<ReturnType<typeof selectDeployments>>[number];
type SameRequest = (earlier: Joined) => boolean;

/** The deployment a retried request (same caller, same key) made; a 409 if the key was used for another request. */
async function replayed(db: Database, actor: Actor, key: string | undefined, same: SameRequest): Promise<DeployAccepted | null> {
  if (!key) return null;
  const [row] = await selectDeployments(db).where(and(sql`${deployments.requestedBy}->>'id' = ${principalRef(actor.principal).id}`, eq(deployments.idempotencyKey, key)));
  if (!row) return null;
  if (!same(row)) throw conflict('This Idempotency-Key was already used for a different deployment request', { deploymentId: row.deployment.id });
  const [deployment] = await withEvents(db, [row]);
  return { deploymentId: deployment!.id, status: deployment!.status, deployment: deployment! };
}

/** Answers the deployment just made, or, when a retry raced the first request, the one it made. */
export async function accepted(db: Database, actor: Actor, key: string | undefined, same: SameRequest, make: () => Promise<string>): Promise<DeployAccepted> {
  const earlier = await replayed(db, actor, key, same);
  if (earlier) return earlier;
  try {
    const id = await make();
    const [row] = await selectDeployments(db).where(eq(deployments.id, id));
    const [deployment] = await withEvents(db, [row!]);
    return { deploymentId: id, status: deployment!.status, deployment: deployment! };
  } catch (error) {
    // A retry that raced the first request waited for its lock and then met either unique index
    // (the key, or the deployment now at work): it answers the first deployment all the same.
    const raced = isUniqueViolation(error, 'deployments_idempotency_unique') || (error instanceof AppError && error.code === 'CONFLICT');
    const earlier = key && raced ? await replayed(db, actor, key, same) : null;
    if (earlier) return earlier;
    throw error;
  }
}

/**
 * Asks for a version to be deployed to an environment with a share of its traffic: the version
 * must be approved for the environment and the team's policy met (the governance checklist).
 */
export const requestDeployment = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: DeployInput): Promise<DeployAccepted> =>
  accepted(
    db,
    actor,
    input.idempotencyKey,
    (earlier) => earlier.version === input.version && earlier.deployment.environment === input.environment && earlier.deployment.trafficPercent === input.trafficPercent && !earlier.deployment.rollbackOf,
    () =>
      db.transaction(async (tx) => {
        const { model, version } = await lockedVersion(tx, actor, input, requestDeployment.access.role);
        assertRoleOnModel(actor.principal, model.teamId, DEPLOY_ROLE[input.environment]);
        if (!DEPLOYABLE_FROM[input.environment].includes(version.state)) {
          throw conflict(`${version.version} is ${version.state}: deploying to ${input.environment} needs one of ${DEPLOYABLE_FROM[input.environment].join(', ')}`, {
            state: version.state,
            allowed: DEPLOYABLE_FROM[input.environment],
          });
        }
        assertAllowed(await policyChecklist(tx, model, version, input.environment), `Deploying ${version.version} to ${input.environment}`);
        const allocation = allocate(await servingNow(tx, model.id, input.environment), { versionId: version.id, version: version.version }, input.trafficPercent);
        return recordDeploymentRequest(tx, actor, { model, version, environment: input.environment, allocation, reason: input.reason, idempotencyKey: input.idempotencyKey });
      }),
  ),
);

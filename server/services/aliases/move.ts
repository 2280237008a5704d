import { and, eq, inArray } from 'drizzle-orm';
import { aliasMoves, modelAliases, models, modelVersions } from '@/db/schema';
import { assertRoleOnModel } from '../../auth/access';
import { principalRef } from '../../auth/principal';
import { conflict, notFound } from '../../errors/app-error';
import type { DeleteAliasInput, SetAliasInput } from '../../schemas/alias';
import type { VersionState } from '../../schemas/lifecycle';
import { recordAudit } from '../audit/record';
import { assertAllowed, policyChecklist } from '../governance/check';
import { lockedVersion } from '../governance/locked-version';
import { policyInForce } from '../governance/policy-source';
import { operation } from '../operation';
import { readableModel } from '../models/readable';
import { nextChange } from '../versions/change';
import type { Database } from '@/db/client';
import type { Actor } from '../../auth/principal';
import type { ModelRow } from '../models/serialize';

/** The states in which a version counts as being in an environment. */
const IN_ENVIRONMENT: Record<'staging' | 'production', readonly VersionState[]> = {
  staging: ['staging', 'approved_prod', 'production'],
  production: ['production'],
};

async function currentTarget(tx: Database, modelId: string, alias: string) {
  const [row] = await tx
    .select({ versionId: modelAliases.versionId, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, alias)));
  return row ?? null;
}

async function recordMove(tx: Database, actor: Actor, model: ModelRow, alias: string, from: { versionId: string; version: string } | null, to: { id: string; version: string } | null, comment: string | undefined) {
  // Both versions' documents name their aliases: the RAG export sends them again.
  const touched = [from?.versionId, to?.id].filter((id): id is string => !!id);
  await tx.update(modelVersions).set(nextChange()).where(inArray(modelVersions.id, touched));
  await tx.insert(aliasMoves).values({ modelId: model.id, alias, fromVersionId: from?.versionId ?? null, toVersionId: to?.id ?? null, movedBy: principalRef(actor.principal), comment: comment ?? null });
  await recordAudit(tx, actor, {
    teamId: model.teamId,
    action: to ? 'alias.moved' : 'alias.removed',
    resourceType: 'model',
    resourceId: model.id,
    summary: { modelId: model.id, model: model.name, alias, from: from?.version ?? null, to: to?.version ?? null, comment: comment ?? null },
  });
}

/**
 * Points an alias at a version. A protected alias (the policy names it) moves only to a version in
 * its environment whose policy for that environment is met, and only by a maintainer.
 */
export const setAlias = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: SetAliasInput): Promise<{ alias: string; version: string }> =>
  db.transaction(async (tx) => {
    const { model, version } = await lockedVersion(tx, actor, input, setAlias.access.role);
    const environment = (await policyInForce(tx, model.teamId)).document.protectedAliases?.[input.alias];
    if (environment) {
      assertRoleOnModel(actor.principal, model.teamId, 'maintainer');
      if (!IN_ENVIRONMENT[environment].includes(version.state)) {
        throw conflict(`"${input.alias}" is protected: it may point only at a version in ${environment}, and ${version.version} is ${version.state}`, { state: version.state });
      }
      assertAllowed(await policyChecklist(tx, model, version, environment), `Moving "${input.alias}" to ${version.version}`);
    }
    const from = await currentTarget(tx, model.id, input.alias);
    if (from?.versionId === version.id) return { alias: input.alias, version: version.version };
    await tx
      .insert(modelAliases)
      .values({ modelId: model.id, alias: input.alias, versionId: version.id, movedBy: principalRef(actor.principal) })
      .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.alias], set: { versionId: version.id, movedBy: principalRef(actor.principal), movedAt: new Date() } });
    await recordMove(tx, actor, model, input.alias, from, version, input.comment);
    return { alias: input.alias, version: version.version };
  }),
);

/** Removes an alias (protected ones: maintainers only); its history stays. */
export const deleteAlias = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: DeleteAliasInput): Promise<void> =>
  db.transaction(async (tx) => {
    const { model } = await readableModel(tx, actor.principal, eq(models.id, input.modelId), true);
    assertRoleOnModel(actor.principal, model.teamId, deleteAlias.access.role);
    const from = await currentTarget(tx, model.id, input.alias);
    if (!from) throw notFound(`Alias "${input.alias}" of model "${model.name}"`);
    if ((await policyInForce(tx, model.teamId)).document.protectedAliases?.[input.alias]) assertRoleOnModel(actor.principal, model.teamId, 'maintainer');
    await tx.delete(modelAliases).where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, input.alias)));
    await recordMove(tx, actor, model, input.alias, from, null, input.comment);
  }),
);

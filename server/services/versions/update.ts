import { eq, sql } from 'drizzle-orm';
import { modelVersions } from '@/db/schema';
import { nextChange } from './change';
import { assertRoleOnModel } from '../../auth/access';
import { validationFailed } from '../../errors/app-error';
import { fieldErrorsFromIssues } from '../../errors/field-errors';
import { deploymentConfigSchemas } from '../../schemas/deployment-config';
import type { ModelVersion, UpdateVersionInput } from '../../schemas/version';
import { recordAudit } from '../audit/record';
import { toModelVersion } from '../models/serialize';
import { refreshModelSummary } from '../models/summary';
import { findLiveVersion } from './find';
import { assertChangeable, withdrawApprovals } from '../governance/withdraw-approvals';
import { operation } from '../operation';

/** Changes a version's mutable metadata; identity fields were refused by the input schema. */
export const updateVersion = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: UpdateVersionInput): Promise<ModelVersion> => {
  return db.transaction(async (tx) => {
    const { model, teamSlug, version } = await findLiveVersion(tx, actor.principal, input, true);
    assertRoleOnModel(actor.principal, model.teamId, updateVersion.access.role);

    const changes: Partial<typeof modelVersions.$inferInsert> = {};
    if (input.description !== undefined) changes.description = input.description;
    if (input.tags !== undefined) changes.tags = input.tags;
    if (input.metrics !== undefined) changes.metrics = input.metrics;
    if (input.lineage !== undefined) changes.lineage = { ...version.lineage, ...input.lineage };
    if (input.deploymentConfig !== undefined) {
      assertChangeable(version, 'deployment preferences');
      const parsed = deploymentConfigSchemas[version.deploymentTarget].safeParse(input.deploymentConfig);
      if (!parsed.success) {
        const { fieldErrors, formErrors } = fieldErrorsFromIssues(
          parsed.error.issues.map((i) => ({ ...i, path: ['deploymentConfig', ...i.path] })),
        );
        throw validationFailed({ ...fieldErrors, ...(formErrors.length ? { deploymentConfig: formErrors } : {}) });
      }
      changes.deploymentConfig = parsed.data;
    }

    const [updated] = await tx
      .update(modelVersions)
      .set({ ...changes, updatedAt: sql`now()`, ...nextChange() })
      .where(eq(modelVersions.id, version.id))
      .returning();
    await refreshModelSummary(tx, model);
    // Approvals were given for the preferences as they were.
    const approvalsWithdrawn = changes.deploymentConfig ? await withdrawApprovals(tx, actor, { model, version: updated! }, 'deployment preferences changed') : 0;
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'version.updated',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: {
        modelId: model.id,
        model: model.name,
        version: version.version,
        changed: Object.fromEntries(
          Object.entries(changes).map(([field, to]) => [field, { from: version[field as keyof typeof changes], to }]),
        ),
        ...(approvalsWithdrawn ? { approvalsWithdrawn } : {}),
      },
    });
    return toModelVersion(updated!, { name: model.name, teamSlug });
  });
});

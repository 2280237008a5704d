import { artifacts } from '@/db/schema';
import { principalRef } from '../../auth/principal';
import { conflict } from '../../errors/app-error';
import type { AddArtifactInput, Artifact } from '../../schemas/evidence';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../db-errors';
import { operation } from '../operation';
import { toArtifact } from './serialize';
import { lockedVersion } from './locked-version';
import { assertChangeable, withdrawApprovals } from './withdraw-approvals';

/** Records a file of the version with its checksum; frozen once the version is approved for an environment. */
export const addArtifact = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: AddArtifactInput): Promise<Artifact> =>
  db.transaction(async (tx) => {
    const target = await lockedVersion(tx, actor, input, addArtifact.access.role);
    const { model, version } = target;
    assertChangeable(version, 'artifacts', ['approved_staging', 'staging', 'approved_prod', 'production', 'deprecated', 'retired']);
    const [row] = await tx
      .insert(artifacts)
      .values({
        versionId: version.id,
        type: input.type,
        uri: input.uri,
        sha256: input.sha256 ?? null,
        sizeBytes: input.sizeBytes ?? null,
        license: input.license ?? null,
        addedBy: principalRef(actor.principal),
      })
      .returning()
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'artifacts_version_uri_unique') ? conflict(`${input.uri} is already recorded for this version`) : error;
      });
    const approvalsWithdrawn = await withdrawApprovals(tx, actor, target, `artifact ${input.uri} added`);
    await recordAudit(tx, actor, {
      teamId: model.teamId,
      action: 'artifact.added',
      resourceType: 'model_version',
      resourceId: version.id,
      summary: { modelId: model.id, model: model.name, version: version.version, type: input.type, uri: input.uri, sha256: input.sha256 ?? null, approvalsWithdrawn },
    });
    return toArtifact(row!);
  }),
);

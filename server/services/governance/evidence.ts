import { and, asc, eq, or } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { assertRoleOnModel } from '../../auth/access';
import { EVIDENCE_FORMAT, type EvidenceBundle } from '../../schemas/evidence-bundle';
import { getTeamPolicy } from '../policies/get';
import { toModel, toModelVersion } from '../models/serialize';
import { operation } from '../operation';
import { findLiveVersion } from '../versions/find';
import { governanceView } from './view';

/**
 * Everything an auditor needs about one version in one document: the model card, lineage,
 * artifacts, evaluations, approvals and transitions, policy results, and the audit records with
 * their chain hashes. Maintainers only, as the audit trail is.
 */
export const evidenceBundle = operation({ scope: 'read', role: 'maintainer' }, async (ctx, key: { modelId: string; version: string }): Promise<EvidenceBundle> => {
  const { db, actor } = ctx;
  const { model, teamSlug, version } = await findLiveVersion(db, actor.principal, key);
  assertRoleOnModel(actor.principal, model.teamId, evidenceBundle.access.role);
  const [governance, policy, audit] = await Promise.all([
    governanceView(db, model, version),
    getTeamPolicy(ctx, { team: teamSlug }),
    db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.resourceId, version.id), and(eq(auditLog.resourceType, 'model'), eq(auditLog.resourceId, model.id))))
      .orderBy(asc(auditLog.chainKey), asc(auditLog.seq)),
  ]);
  const { latestVersion: _latest, ...modelFacts } = toModel(model, teamSlug, null);
  return {
    format: EVIDENCE_FORMAT,
    generatedAt: new Date().toISOString(),
    team: teamSlug,
    model: modelFacts,
    version: toModelVersion(version, { name: model.name, teamSlug }),
    governance,
    policy,
    audit: audit.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
  };
});

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { artifacts, evaluations, versionApprovals, versionReviews, versionTransitions } from '@/db/schema';
import type { ModelRow, VersionRow } from '../models/serialize';
import type { Environment } from '../../schemas/lifecycle';
import type { VersionFacts } from './rules';

/** The latest review of the version for an environment (open or closed). */
export async function latestReview(db: Database, versionId: string, environment: Environment) {
  const [review] = await db
    .select()
    .from(versionReviews)
    .where(and(eq(versionReviews.versionId, versionId), eq(versionReviews.environment, environment)))
    .orderBy(desc(versionReviews.createdAt), desc(versionReviews.id))
    .limit(1);
  return review;
}

async function standingApprovals(db: Database, versionId: string, environment: Environment) {
  const review = await latestReview(db, versionId, environment);
  if (!review || review.status === 'withdrawn' || review.status === 'changes_requested') return [];
  const rows = await db
    .select({ approver: versionApprovals.approver, isAdmin: versionApprovals.approverIsAdmin })
    .from(versionApprovals)
    .where(and(eq(versionApprovals.reviewId, review.id), isNull(versionApprovals.withdrawnAt)))
    .orderBy(versionApprovals.createdAt);
  return rows.map((r) => ({ approverName: r.approver.name, isAdmin: r.isAdmin }));
}

/** Everything a policy may ask about a version, read in the caller's transaction. */
export async function versionFacts(db: Database, model: Pick<ModelRow, 'riskTier' | 'description'>, version: Pick<VersionRow, 'id'>): Promise<VersionFacts> {
  // One after the other: inside a transaction they share one connection, which runs one query at a time.
  const staging = await standingApprovals(db, version.id, 'staging');
  const production = await standingApprovals(db, version.id, 'production');
  const evaluationRows = await db
    .selectDistinctOn([evaluations.suite], { suite: evaluations.suite, passed: evaluations.passed, failures: evaluations.failures })
    .from(evaluations)
    .where(eq(evaluations.versionId, version.id))
    .orderBy(evaluations.suite, desc(evaluations.createdAt), desc(evaluations.id));
  const artifactRows = await db.select({ type: artifacts.type, uri: artifacts.uri, sha256: artifacts.sha256 }).from(artifacts).where(eq(artifacts.versionId, version.id));
  const [entered] = await db
    .select({ at: versionTransitions.createdAt })
    .from(versionTransitions)
    .where(and(eq(versionTransitions.versionId, version.id), eq(versionTransitions.toState, 'staging')))
    .orderBy(desc(versionTransitions.createdAt))
    .limit(1);

  return {
    riskTier: model.riskTier,
    modelCard: model.description,
    approvals: { staging, production },
    evaluations: new Map(evaluationRows.map((e) => [e.suite, { passed: e.passed, failures: e.failures }])),
    artifacts: artifactRows,
    enteredStagingAt: entered?.at ?? null,
    now: new Date(),
  };
}

import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { artifacts, evaluations, modelAliases, versionApprovals, versionReviews, versionTransitions } from '@/db/schema';
import type { VersionGovernance } from '../../schemas/governance';
import { isPolicyState } from '../../schemas/policy';
import type { ModelRow, VersionRow } from '../models/serialize';
import { policyChecklist } from './check';
import { LIFECYCLE_EDGES } from './lifecycle';
import { toApproval, toArtifact, toEvaluation, toReview } from './serialize';


/** Everything governance knows of a version: reviews, history, evidence, aliases and the next checklists. */
export async function governanceView(db: Database, model: ModelRow, version: VersionRow): Promise<VersionGovernance> {
  // One after the other: inside a transaction they share one connection, which runs one query at a time.
  const reviews = await db.select().from(versionReviews).where(eq(versionReviews.versionId, version.id)).orderBy(desc(versionReviews.createdAt), desc(versionReviews.id));
  const transitions = await db.select().from(versionTransitions).where(eq(versionTransitions.versionId, version.id)).orderBy(asc(versionTransitions.createdAt), asc(versionTransitions.id));
  const evaluationRows = await db.select().from(evaluations).where(eq(evaluations.versionId, version.id)).orderBy(desc(evaluations.createdAt), desc(evaluations.id));
  const artifactRows = await db.select().from(artifacts).where(eq(artifacts.versionId, version.id)).orderBy(asc(artifacts.createdAt));
  const aliasRows = await db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, version.id)).orderBy(asc(modelAliases.alias));

  const approvals = reviews.length
    ? await db.select().from(versionApprovals).where(inArray(versionApprovals.reviewId, reviews.map((r) => r.id))).orderBy(asc(versionApprovals.createdAt))
    : [];
  const serializedReviews = reviews.map((r) => ({ ...toReview(r), approvals: approvals.filter((a) => a.reviewId === r.id).map(toApproval) }));

  const next = LIFECYCLE_EDGES.filter((e) => e.from === version.state);
  const checks = [];
  for (const to of new Set(next.map((e) => e.to).filter(isPolicyState))) checks.push(await policyChecklist(db, model, version, to));
  return {
    state: version.state,
    openReview: serializedReviews.find((r) => r.status === 'open') ?? null,
    reviews: serializedReviews,
    transitions: transitions.map((t) => ({ from: t.fromState, to: t.toState, requestedBy: t.requestedBy, decidedBy: t.decidedBy, comment: t.comment, at: t.createdAt.toISOString() })),
    evaluations: evaluationRows.map(toEvaluation),
    artifacts: artifactRows.map(toArtifact),
    aliases: aliasRows.map((a) => a.alias),
    next: [...next],
    checks,
  };
}

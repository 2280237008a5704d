import type { artifacts, evaluations, versionReviews } from '@/db/schema';
import type { Artifact, Evaluation } from '../../schemas/evidence';

type ReviewRow = typeof versionReviews.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;
type ArtifactRow = typeof artifacts.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A review as the API shows it (without its approvals, which the caller adds where it has them). */
export const toReview = (r: ReviewRow) => ({
  id: r.id,
  environment: r.environment,
  status: r.status,
  requestedBy: r.requestedBy,
  comment: r.comment,
  createdAt: r.createdAt.toISOString(),
  closedAt: iso(r.closedAt),
  closedBy: r.closedBy,
});

export const toApproval = (a: { approver: ReviewRow['requestedBy']; comment: string | null; createdAt: Date; withdrawnAt: Date | null; withdrawnReason: string | null }) => ({
  approver: a.approver,
  comment: a.comment,
  createdAt: a.createdAt.toISOString(),
  withdrawnAt: iso(a.withdrawnAt),
  withdrawnReason: a.withdrawnReason,
});

export const toEvaluation = ({ versionId: _versionId, createdAt, ...e }: EvaluationRow): Evaluation => ({ ...e, createdAt: createdAt.toISOString() });

export const toArtifact = ({ versionId: _versionId, createdAt, ...a }: ArtifactRow): Artifact => ({ ...a, createdAt: createdAt.toISOString() });

import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { evaluations, modelAliases, versionApprovals, versionReviews } from '@/db/schema';
import type { RagUpsert } from '../../schemas/rag-export';

export type GovernanceFacts = Pick<RagUpsert['metadata'], 'aliases' | 'approvedBy' | 'evaluations'>;

const none = (): GovernanceFacts => ({ aliases: [], approvedBy: { staging: [], production: [] }, evaluations: [] });

/**
 * What governance says of the versions of one export batch, in three indexed queries: the aliases
 * pointing at each, who approved it for each environment (standing approvals of approved reviews),
 * and the latest result of each evaluation suite.
 */
export async function governanceOf(db: Database, versionIds: string[]): Promise<Map<string, GovernanceFacts>> {
  const facts = new Map(versionIds.map((id) => [id, none()]));
  if (versionIds.length === 0) return facts;
  const [aliases, approvals, results] = await Promise.all([
    db.select({ versionId: modelAliases.versionId, alias: modelAliases.alias }).from(modelAliases).where(inArray(modelAliases.versionId, versionIds)).orderBy(asc(modelAliases.alias)),
    db
      .select({ versionId: versionApprovals.versionId, environment: versionApprovals.environment, name: sql<string>`${versionApprovals.approver}->>'name'` })
      .from(versionApprovals)
      .innerJoin(versionReviews, eq(versionReviews.id, versionApprovals.reviewId))
      .where(and(inArray(versionApprovals.versionId, versionIds), eq(versionReviews.status, 'approved'), isNull(versionApprovals.withdrawnAt)))
      .orderBy(asc(versionApprovals.createdAt)),
    db
      .selectDistinctOn([evaluations.versionId, evaluations.suite], { versionId: evaluations.versionId, suite: evaluations.suite, passed: evaluations.passed })
      .from(evaluations)
      .where(inArray(evaluations.versionId, versionIds))
      .orderBy(evaluations.versionId, evaluations.suite, desc(evaluations.createdAt)),
  ]);
  for (const a of aliases) facts.get(a.versionId)!.aliases.push(a.alias);
  for (const a of approvals) facts.get(a.versionId)!.approvedBy[a.environment].push(a.name);
  for (const e of results) facts.get(e.versionId)!.evaluations.push({ suite: e.suite, passed: e.passed });
  return facts;
}

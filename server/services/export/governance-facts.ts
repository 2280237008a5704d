import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { evaluations, modelAliases, trafficPeriods, versionApprovals, versionReviews } from '@/db/schema';
import type { RagUpsert } from '../../schemas/rag-export';
import { anyOf } from '../any-of';

export type GovernanceFacts = Pick<RagUpsert['metadata'], 'aliases' | 'approvedBy' | 'evaluations' | 'servingIn'>;

const none = (): GovernanceFacts => ({ aliases: [], approvedBy: { staging: [], production: [] }, evaluations: [], servingIn: [] });

/**
 * What governance says of the versions of one export batch, in four indexed queries: the aliases
 * pointing at each, who approved it for each environment (standing approvals of approved reviews),
 * the latest result of each evaluation suite, and where it serves traffic now.
 */
export async function governanceOf(db: Database, versionIds: string[]): Promise<Map<string, GovernanceFacts>> {
  const facts = new Map(versionIds.map((id) => [id, none()]));
  if (versionIds.length === 0) return facts;
  const [aliases, approvals, results, serving] = await Promise.all([
    db.select({ versionId: modelAliases.versionId, alias: modelAliases.alias }).from(modelAliases).where(anyOf(modelAliases.versionId, versionIds)).orderBy(asc(modelAliases.alias)),
    db
      .select({ versionId: versionApprovals.versionId, environment: versionApprovals.environment, name: sql<string>`${versionApprovals.approver}->>'name'` })
      .from(versionApprovals)
      .innerJoin(versionReviews, eq(versionReviews.id, versionApprovals.reviewId))
      .where(and(anyOf(versionApprovals.versionId, versionIds), eq(versionReviews.status, 'approved'), isNull(versionApprovals.withdrawnAt)))
      .orderBy(asc(versionApprovals.createdAt)),
    db
      .selectDistinctOn([evaluations.versionId, evaluations.suite], { versionId: evaluations.versionId, suite: evaluations.suite, passed: evaluations.passed })
      .from(evaluations)
      .where(anyOf(evaluations.versionId, versionIds))
      .orderBy(evaluations.versionId, evaluations.suite, desc(evaluations.createdAt)),
    db
      .select({ versionId: trafficPeriods.versionId, environment: trafficPeriods.environment, percent: trafficPeriods.percent, since: trafficPeriods.startedAt })
      .from(trafficPeriods)
      .where(and(anyOf(trafficPeriods.versionId, versionIds), isNull(trafficPeriods.endedAt)))
      .orderBy(asc(trafficPeriods.environment)),
  ]);
  for (const a of aliases) facts.get(a.versionId)!.aliases.push(a.alias);
  for (const a of approvals) facts.get(a.versionId)!.approvedBy[a.environment].push(a.name);
  for (const e of results) facts.get(e.versionId)!.evaluations.push({ suite: e.suite, passed: e.passed });
  for (const p of serving) facts.get(p.versionId)!.servingIn.push({ environment: p.environment, percent: p.percent, since: p.since.toISOString() });
  return facts;
}

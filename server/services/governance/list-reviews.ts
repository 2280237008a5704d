import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { models, modelVersions, teams, versionReviews } from '@/db/schema';
import { readableTeamIds } from '../../auth/access';
import type { ListReviewsInput, ReviewList } from '../../schemas/lifecycle';
import { READ, operation } from '../operation';
import { toReview } from './serialize';

/**
 * The governance page's lists: open reviews the caller may decide (as a maintainer, not asked by
 * them), the reviews they asked for, and the decisions made in their teams.
 */
export const listReviews = operation(READ, async ({ db, actor: { principal } }, input: ListReviewsInput): Promise<ReviewList> => {
  const maintained = principal.isAdmin ? 'all' : principal.memberships.filter((m) => m.role === 'maintainer').map((m) => m.teamId);
  const readable = readableTeamIds(principal);
  const inTeams = (ids: 'all' | string[]) => (ids === 'all' ? undefined : ids.length ? inArray(modelVersions.teamId, ids) : sql`false`);
  const requestedByMe = and(eq(sql`${versionReviews.requestedBy}->>'id'`, principal.id), eq(sql`${versionReviews.requestedBy}->>'kind'`, principal.kind));
  const where = {
    waiting: and(eq(versionReviews.status, 'open'), inTeams(maintained), sql`not (${requestedByMe})`),
    mine: and(requestedByMe, inTeams(readable)),
    decided: and(ne(versionReviews.status, 'open'), ne(versionReviews.status, 'withdrawn'), inTeams(readable)),
  }[input.list];
  const rows = await db
    .select({ review: versionReviews, modelId: models.id, model: models.name, team: teams.slug, version: modelVersions.version, state: modelVersions.state })
    .from(versionReviews)
    .innerJoin(modelVersions, eq(modelVersions.id, versionReviews.versionId))
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(teams, eq(teams.id, modelVersions.teamId))
    .where(and(where, isNull(modelVersions.deletedAt)))
    .orderBy(input.list === 'decided' ? desc(versionReviews.closedAt) : desc(versionReviews.createdAt), desc(versionReviews.id))
    .limit(input.limit);
  return {
    items: rows.map(({ review, ...version }) => ({ ...version, ...toReview(review) })),

  };
});

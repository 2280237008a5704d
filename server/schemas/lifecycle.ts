import { z } from 'zod';
import { ENVIRONMENTS, REVIEW_STATUSES, TEAM_ROLES, type VERSION_STATES } from '../../db/schema/vocabulary';
import { oneOf, timestampSchema, uuidSchema } from './common';
import { principalRefSchema, versionKeySchema, versionStateSchema } from './version';

export type VersionState = (typeof VERSION_STATES)[number];
export type Environment = (typeof ENVIRONMENTS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS, oneOf(ENVIRONMENTS));

const commentSchema = z.string().trim().max(5000, 'must be at most 5,000 characters');

/** How an edge of the lifecycle is taken. */
export const EDGE_KINDS = {
  review: 'opens a review (POST …/reviews)',
  decision: "a maintainer's decision on the open review (POST …/decisions)",
  withdrawal: 'the requester withdraws the open review (POST …/reviews/withdraw)',
  transition: 'a direct transition (POST …/transitions)',
} as const;

export const lifecycleEdgeSchema = z
  .object({
    from: versionStateSchema,
    to: versionStateSchema,
    kind: z.enum(Object.keys(EDGE_KINDS) as [keyof typeof EDGE_KINDS]),
    role: z.enum(TEAM_ROLES),
    action: z.string().meta({ description: 'What the edge does, in words' }),
  })
  .meta({ id: 'LifecycleEdge' });
export type LifecycleEdge = z.infer<typeof lifecycleEdgeSchema>;

export const lifecycleSchema = z
  .object({
    states: z.array(versionStateSchema),
    initial: versionStateSchema,
    edges: z.array(lifecycleEdgeSchema),
    kinds: z.record(z.string(), z.string()),
  })
  .meta({ id: 'Lifecycle' });

export const transitionInput = z.strictObject({
  ...versionKeySchema.shape,
  to: versionStateSchema,
  comment: commentSchema.optional(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const openReviewInput = z.strictObject({
  ...versionKeySchema.shape,
  environment: environmentSchema,
  comment: commentSchema.optional(),
});
export type OpenReviewInput = z.infer<typeof openReviewInput>;

const DECISIONS = ['approve', 'request_changes'] as const;
export const decisionInput = z
  .strictObject({
    ...versionKeySchema.shape,
    decision: z.enum(DECISIONS, oneOf(DECISIONS)),
    comment: commentSchema.optional(),
  })
  .refine((d) => d.decision !== 'request_changes' || (d.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'Required: say what should change',
  });
export type DecisionInput = z.infer<typeof decisionInput>;

export const withdrawReviewInput = z.strictObject({ ...versionKeySchema.shape, comment: commentSchema.optional() });
export type WithdrawReviewInput = z.infer<typeof withdrawReviewInput>;

export const reviewSchema = z
  .object({
    id: uuidSchema,
    environment: environmentSchema,
    status: z.enum(REVIEW_STATUSES),
    requestedBy: principalRefSchema,
    comment: z.string().nullable(),
    createdAt: timestampSchema,
    closedAt: timestampSchema.nullable(),
    closedBy: principalRefSchema.nullable(),
    approvals: z.array(
      z.object({
        approver: principalRefSchema,
        comment: z.string().nullable(),
        createdAt: timestampSchema,
        withdrawnAt: timestampSchema.nullable(),
        withdrawnReason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Review' });

export const transitionRecordSchema = z
  .object({
    from: versionStateSchema,
    to: versionStateSchema,
    requestedBy: principalRefSchema,
    decidedBy: z.array(principalRefSchema),
    comment: z.string().nullable(),
    at: timestampSchema,
  })
  .meta({ id: 'Transition' });

const REVIEW_LISTS = ['waiting', 'mine', 'decided'] as const;

export const listReviewsInput = z.strictObject({
  list: z
    .enum(REVIEW_LISTS, oneOf(REVIEW_LISTS))
    .default('waiting')
    .meta({ description: 'waiting: open reviews you may decide; mine: reviews you asked for; decided: closed reviews of your teams' }),
  limit: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(25),
});
export type ListReviewsInput = z.infer<typeof listReviewsInput>;

export const reviewListSchema = z
  .object({
    items: z.array(
      reviewSchema.omit({ approvals: true }).extend({
        modelId: uuidSchema,
        model: z.string(),
        team: z.string(),
        version: z.string(),
        state: versionStateSchema,
      }),
    ),
  })
  .meta({ id: 'ReviewList' });
export type ReviewList = z.infer<typeof reviewListSchema>;

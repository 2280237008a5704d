import { z } from 'zod';
import { artifactSchema, evaluationSchema } from './evidence';
import { lifecycleEdgeSchema, reviewSchema, transitionRecordSchema } from './lifecycle';
import { policyCheckSchema } from './policy';
import { versionStateSchema } from './version';

export const versionGovernanceSchema = z
  .object({
    state: versionStateSchema,
    openReview: reviewSchema.nullable(),
    reviews: z.array(reviewSchema).meta({ description: 'Newest first' }),
    transitions: z.array(transitionRecordSchema).meta({ description: 'Oldest first' }),
    evaluations: z.array(evaluationSchema).meta({ description: 'Newest first' }),
    artifacts: z.array(artifactSchema),
    aliases: z.array(z.string()).meta({ description: 'Aliases pointing at this version' }),
    next: z.array(lifecycleEdgeSchema).meta({ description: 'Moves the lifecycle allows from the current state' }),
    checks: z.array(policyCheckSchema).meta({ description: 'The policy checklist of each governed state the version can move to next' }),
  })
  .meta({ id: 'VersionGovernance' });
export type VersionGovernance = z.infer<typeof versionGovernanceSchema>;

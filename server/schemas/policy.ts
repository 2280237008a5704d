import { z } from 'zod';
import type { PolicyDocument, Requirements } from '../../db/schema/json-columns';
import { ARTIFACT_TYPES, RISK_TIERS } from '../../db/schema/vocabulary';
import { bodyNumber, oneOf, teamSlugSchema, timestampSchema } from './common';
import { aliasNameSchema } from './alias';
import { environmentSchema } from './lifecycle';
import { principalRefSchema, versionKeySchema } from './version';

/** The states a policy governs: the ones a version enters only by the team's rules. */
export const POLICY_STATES = ['approved_staging', 'staging', 'approved_prod', 'production'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export const isPolicyState = (state: string): state is PolicyState => (POLICY_STATES as readonly string[]).includes(state);

export const suiteNameSchema = z
  .string()
  .min(1, 'Required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" and "-"')
  .meta({ description: 'Evaluation suite name', example: 'safety' });

const count = (max: number) => bodyNumber(z.number().int('must be a whole number').min(0, 'must not be negative').max(max, `must be at most ${max}`));

const requirementsSchema = z
  .strictObject({
    approvals: count(10).optional().meta({ description: 'Approvals by distinct maintainers, never the requester' }),
    adminApprovals: count(10).optional().meta({ description: 'Of which by platform admins' }),
    passedEvaluations: z.array(suiteNameSchema).max(20).optional().meta({ description: 'Suites whose latest evaluation passed' }),
    artifactTypes: z.array(z.enum(ARTIFACT_TYPES, oneOf(ARTIFACT_TYPES))).optional().meta({ description: 'Artifact types that must be recorded' }),
    artifactChecksums: z.boolean().optional().meta({ description: 'At least one artifact, every one with its SHA-256' }),
    modelCard: z.boolean().optional().meta({ description: "The model's description (its card) is written" }),
    minHoursInStaging: count(24 * 365).optional().meta({ description: 'Hours the version has been in staging' }),
  })
  .meta({ id: 'Requirements' }) satisfies z.ZodType<Requirements>;

const byState = z.strictObject(Object.fromEntries(POLICY_STATES.map((s) => [s, requirementsSchema.optional()])) as Record<PolicyState, z.ZodOptional<typeof requirementsSchema>>);

export const policyDocumentSchema = z
  .strictObject({
    states: byState.meta({ description: 'What each state needs' }),
    riskTiers: z
      .strictObject(Object.fromEntries(RISK_TIERS.map((t) => [t, byState.optional()])) as Record<(typeof RISK_TIERS)[number], z.ZodOptional<typeof byState>>)
      .optional()
      .meta({ description: "Added for models of this risk tier; the stricter of the two applies" }),
    protectedAliases: z
      .record(aliasNameSchema, environmentSchema)
      .optional()
      .meta({ description: 'Aliases that may point only at versions in (and meeting the policy of) this environment' }),
  })
  .meta({ id: 'PolicyDocument' }) satisfies z.ZodType<PolicyDocument>;

/**
 * Rules that apply where a team wrote none and the platform admins set no default. Checksums are
 * asked for at staging: artifacts are frozen once a version is approved for an environment.
 */
export const BUILT_IN_POLICY: PolicyDocument = {
  states: {
    approved_staging: { approvals: 1, artifactChecksums: true },
    approved_prod: { approvals: 1, modelCard: true },
  },
  riskTiers: { high: { approved_prod: { approvals: 2, passedEvaluations: ['safety'] } } },
  protectedAliases: { staging: 'staging', production: 'production', champion: 'production' },
};

export const policySchema = z
  .object({
    team: teamSlugSchema.nullable().meta({ description: 'Null for the platform default' }),
    revision: z.number().int().meta({ description: '0 for the built-in rules' }),
    document: policyDocumentSchema,
    comment: z.string().nullable(),
    createdBy: principalRefSchema.nullable(),
    createdAt: timestampSchema.nullable(),
    inherited: z.boolean().meta({ description: 'The team has no policy of its own: this is the default' }),
  })
  .meta({ id: 'Policy' });
export type Policy = z.infer<typeof policySchema>;

export const teamPolicyInput = z.strictObject({ team: teamSlugSchema });

export const savePolicyInput = z.strictObject({
  team: teamSlugSchema,
  document: policyDocumentSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type SavePolicyInput = z.infer<typeof savePolicyInput>;

export const saveDefaultPolicyInput = savePolicyInput.omit({ team: true });

const conditionSchema = z
  .object({
    id: z.string().meta({ description: 'Stable key, e.g. "approvals" or "evaluation:safety"' }),
    requirement: z.string().meta({ description: 'What is required, in words' }),
    met: z.boolean(),
    detail: z.string().meta({ description: 'What was found, in words' }),
  })
  .meta({ id: 'PolicyCondition' });
export type Condition = z.infer<typeof conditionSchema>;

export const policyCheckSchema = z
  .object({
    to: z.enum(POLICY_STATES),
    allowed: z.boolean(),
    conditions: z.array(conditionSchema),
    policy: z
      .object({ source: z.enum(['team', 'platform', 'built-in', 'draft']), revision: z.number().int() })
      .meta({ description: 'Which rules were applied: the team\'s, the platform default, the built-in ones, or a draft sent with the check' }),
  })
  .meta({ id: 'PolicyCheck' });
export type PolicyCheck = z.infer<typeof policyCheckSchema>;

export const policyCheckInput = z.strictObject({
  ...versionKeySchema.shape,
  to: z.enum(POLICY_STATES, oneOf(POLICY_STATES)),
  document: policyDocumentSchema.optional().meta({ description: 'A draft policy to check against instead of the saved one' }),
});
export type PolicyCheckInput = z.infer<typeof policyCheckInput>;

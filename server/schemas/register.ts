import { z } from 'zod';
import { uuidSchema } from './common';
import {
  deploymentConfigSchemas,
  deploymentTargetSchema,
  type DeploymentSpec,
} from './deployment-config';
import { modelSchema } from './model';
import { modelVersionSchema, registrationFields } from './version';

const registerShape = z.strictObject({
  ...registrationFields,
  deploymentTarget: deploymentTargetSchema,
  deploymentConfig: z.looseObject({}).meta({
    description: 'LambdaDeploymentConfig when deploymentTarget is LAMBDA, EksDeploymentConfig when EKS',
  }),
});

/**
 * The registration body. The preferences are checked against the chosen target even when other
 * fields are wrong too, so one answer names every problem.
 */
export const registerModelInput = registerShape
  .superRefine(
    (body, ctx) => {
      const target = deploymentTargetSchema.safeParse(body.deploymentTarget);
      const config = body.deploymentConfig;
      if (!target.success || typeof config !== 'object' || config === null) return;
      const parsed = deploymentConfigSchemas[target.data].safeParse(config);
      for (const issue of parsed.error?.issues ?? []) {
        ctx.addIssue({ ...issue, path: ['deploymentConfig', ...issue.path] });
      }
    },
    // Run even when other fields failed, as long as there is an object to look at.
    { when: ({ value }) => typeof value === 'object' && value !== null },
  )
  .transform(({ deploymentTarget, deploymentConfig, ...rest }, ctx) => {
    const spec = toDeploymentSpec(deploymentTarget, deploymentConfig);
    // The refinement above has reported why; zod lets unknown-key failures reach this transform.
    if (!spec) {
      if (ctx.issues.length === 0) ctx.addIssue({ code: 'custom', message: 'invalid', path: ['deploymentConfig'] });
      return z.NEVER;
    }
    return { ...rest, ...spec };
  });

function toDeploymentSpec(target: DeploymentSpec['deploymentTarget'], config: unknown): DeploymentSpec | null {
  if (target === 'LAMBDA') {
    const parsed = deploymentConfigSchemas.LAMBDA.safeParse(config);
    return parsed.success ? { deploymentTarget: target, deploymentConfig: parsed.data } : null;
  }
  const parsed = deploymentConfigSchemas.EKS.safeParse(config);
  return parsed.success ? { deploymentTarget: target, deploymentConfig: parsed.data } : null;
}

export type RegisterModelBody = z.input<typeof registerModelInput>;
export type RegisterModelInput = z.output<typeof registerModelInput>;

export const registerModelOutput = z
  .object({ modelId: uuidSchema, versionId: uuidSchema, model: modelSchema, version: modelVersionSchema })
  .meta({ id: 'Registration' });
export type RegisterModelOutput = z.infer<typeof registerModelOutput>;

import { z } from 'zod';
import type { DeploymentSpec, EksConfig, LambdaConfig } from '../../db/schema/json-columns';
import { oneOf } from './common';
import { DEPLOYMENT_TARGETS, GPU_TYPES, LAMBDA_ARCHITECTURES } from '../../db/schema/vocabulary';

export const deploymentTargetSchema = z.enum(DEPLOYMENT_TARGETS, oneOf(DEPLOYMENT_TARGETS));

const int = (label: string, min: number, max: number) =>
  z
    .number()
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`)
    .max(max, `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`);

// AWS Lambda's documented limits.
const lambdaConfigSchema = z
  .strictObject({
    memoryMb: int('memory', 128, 10_240),
    timeoutSeconds: int('timeout', 1, 900),
    ephemeralStorageMb: int('ephemeral storage', 512, 10_240).default(512),
    architecture: z
      .enum(LAMBDA_ARCHITECTURES, oneOf(LAMBDA_ARCHITECTURES))
      .default('x86_64'),
  })
  .meta({ id: 'LambdaDeploymentConfig', description: 'Preferences for an AWS Lambda deployment' });

// Kubernetes CPU quantity: whole or fractional cores ("2", "0.5") or millicores ("500m").
const cpuQuantitySchema = z
  .string()
  .regex(/^(\d+m|\d+(\.\d{1,3})?)$/, 'cpu must be a Kubernetes CPU quantity such as "500m" or "2"')
  .refine((q) => {
    const cores = q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q);
    return cores >= 0.01 && cores <= 96;
  }, 'cpu must be between 10m and 96 cores');

const eksConfigSchema = z
  .strictObject({
    instanceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'instanceType must be an EC2 instance type such as m6i.xlarge')
      .optional(),
    minReplicas: int('min replicas', 1, 100),
    maxReplicas: int('max replicas', 1, 100),
    cpu: cpuQuantitySchema,
    memoryMiB: int('memory', 128, 786_432),
    gpu: z
      .strictObject({
        type: z.enum(GPU_TYPES, oneOf(GPU_TYPES)),
        count: int('gpu count', 1, 8),
      })
      .optional(),
  })
  .refine((c) => c.maxReplicas >= c.minReplicas, {
    path: ['maxReplicas'],
    message: 'max replicas must be at least min replicas',
  })
  .meta({ id: 'EksDeploymentConfig', description: 'Preferences for a Kubernetes (EKS) deployment' });

// The schemas produce exactly the shapes the deployment_config column stores.
lambdaConfigSchema satisfies z.ZodType<LambdaConfig>;
eksConfigSchema satisfies z.ZodType<EksConfig>;

export type { DeploymentSpec };

export const deploymentConfigSchemas = { LAMBDA: lambdaConfigSchema, EKS: eksConfigSchema } as const;

export const deploymentConfigSchema = z.union([lambdaConfigSchema, eksConfigSchema]);

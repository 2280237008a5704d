import type { DEPLOYMENT_TARGETS, GPU_TYPES, LAMBDA_ARCHITECTURES } from './vocabulary';

// The shapes stored in JSON columns. The zod schemas that validate them at the API
// (server/schemas) are declared to produce exactly these types, so the two cannot drift apart.

/** Who did something: a person, an API token, or the system (command line, seed). */
export type PrincipalRef = {
  kind: 'token' | 'user' | 'system';
  id: string;
  name: string;
};

/** Where a model version came from. */
export type Lineage = {
  datasets?: string[];
  trainingJobId?: string;
  commitSha?: string;
  parentVersion?: string;
  notes?: string;
};

export type LambdaConfig = {
  memoryMb: number;
  timeoutSeconds: number;
  ephemeralStorageMb: number;
  architecture: (typeof LAMBDA_ARCHITECTURES)[number];
};

export type EksConfig = {
  instanceType?: string;
  minReplicas: number;
  maxReplicas: number;
  cpu: string;
  memoryMiB: number;
  gpu?: { type: (typeof GPU_TYPES)[number]; count: number };
};

/** A deployment target with the preferences that belong to it. */
export type DeploymentSpec =
  | { deploymentTarget: Extract<(typeof DEPLOYMENT_TARGETS)[number], 'LAMBDA'>; deploymentConfig: LambdaConfig }
  | { deploymentTarget: Extract<(typeof DEPLOYMENT_TARGETS)[number], 'EKS'>; deploymentConfig: EksConfig };

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

type PolicyState = 'approved_staging' | 'staging' | 'approved_prod' | 'production';

/** What a version needs to enter a state (server/schemas/policy.ts validates it). */
export type Requirements = {
  approvals?: number;
  adminApprovals?: number;
  passedEvaluations?: string[];
  artifactTypes?: ('weights' | 'container' | 'tokenizer' | 'config')[];
  artifactChecksums?: boolean;
  modelCard?: boolean;
  minHoursInStaging?: number;
};

/** A team's (or the platform's) governance rules, as data. */
export type PolicyDocument = {
  states: Partial<Record<PolicyState, Requirements>>;
  riskTiers?: Partial<Record<'low' | 'medium' | 'high', Partial<Record<PolicyState, Requirements>>>>;
  protectedAliases?: Record<string, 'staging' | 'production'>;
};

/** An evaluation's metrics by group (seed 003's EvaluationResults). */
export type EvaluationMetrics = Partial<Record<'task' | 'bias' | 'safety' | 'robustness', Record<string, number>>>;

/** Bounds by "group.metric", e.g. {"safety.toxicity": {"max": 0.05}}. */
export type Thresholds = Record<string, { min?: number; max?: number }>;

/** One version's share of an environment's traffic, in percent. */
export type TrafficShare = { versionId: string; version: string; percent: number };

// The registry's vocabulary, in the lowest layer so that both the tables and the zod schemas
// (server/schemas) build on it: a value added here reaches the database enums
// (db/schema/enums.ts), the API and the forms alike.

export const FRAMEWORKS = [
  'pytorch',
  'tensorflow',
  'keras',
  'scikit-learn',
  'xgboost',
  'lightgbm',
  'catboost',
  'onnx',
  'transformers',
  'jax',
  'spark-mllib',
  'custom',
] as const;

export const DEPLOYMENT_TARGETS = ['EKS', 'LAMBDA'] as const;

// Lifecycle of a version (seed 003): registration starts every version as a draft.
export const VERSION_STATES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved_staging',
  'staging',
  'approved_prod',
  'production',
  'deprecated',
  'retired',
] as const;

// A deployment's status, and a version's (that of its latest deployment): a pipeline reports
// requested → in progress → succeeded or failed; a rollback marks what it replaced rolled back.
export const DEPLOYMENT_STATUSES = ['not_deployed', 'requested', 'in_progress', 'succeeded', 'failed', 'rolled_back'] as const;

export const RISK_TIERS = ['low', 'medium', 'high'] as const;

// Ordered from least to most privileged: a role includes every right of the roles before it.
export const TEAM_ROLES = ['viewer', 'contributor', 'maintainer'] as const;

// `deploy` is for pipelines reporting what they did; people never hold it.
export const TOKEN_SCOPES = ['read', 'write', 'export', 'deploy'] as const;

export const LAMBDA_ARCHITECTURES = ['x86_64', 'arm64'] as const;

export const GPU_TYPES = ['nvidia-t4', 'nvidia-a10g', 'nvidia-l4', 'nvidia-a100', 'nvidia-h100'] as const;

// Where a version runs once approved; each has its own approvals and policy (seed 003).
export const ENVIRONMENTS = ['staging', 'production'] as const;

// A request for review: open until a maintainer approves it (once the policy is met), asks for
// changes, or the requester withdraws it.
export const REVIEW_STATUSES = ['open', 'approved', 'changes_requested', 'withdrawn'] as const;

export const ARTIFACT_TYPES = ['weights', 'container', 'tokenizer', 'config'] as const;

// The metric groups of an evaluation (seed 003's EvaluationResults).
export const METRIC_GROUPS = ['task', 'bias', 'safety', 'robustness'] as const;

// Who may read a model: its team only, everyone signed in (and every token), or its team and
// the teams it is shared with. Writes stay with its team.
export const VISIBILITIES = ['team', 'internal', 'shared'] as const;

// What a pipeline can report about a deployment it works on; the other statuses are the registry's.
export const REPORTED_DEPLOYMENT_STATUSES = ['in_progress', 'succeeded', 'failed'] as const;

// The changes announced to webhooks: each is the audit action of that change, written in the
// same transaction (server/services/events/record.ts). `webhook.test` comes from the test button.
export const EVENT_TYPES = [
  'model.updated',
  'version.registered',
  'version.updated',
  'version.deregistered',
  'version.review_opened',
  'version.approved',
  'version.changes_requested',
  'version.transitioned',
  'alias.moved',
  'alias.removed',
  'evaluation.recorded',
  'deployment.requested',
  'deployment.status_changed',
  'webhook.test',
] as const;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

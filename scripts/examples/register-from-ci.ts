/**
 * Registers the model version a CI job just trained. Run after the artifact is uploaded:
 *
 *   REGISTRY_URL=https://models.example.com REGISTRY_TOKEN=… \
 *   MODEL_NAME=fraud-detector MODEL_VERSION=1.4.0 ARTIFACT_URI=s3://ml-models/fraud/1.4.0/model.tar.gz \
 *   npx tsx scripts/examples/register-from-ci.ts
 *
 * Re-running the same job is harmless: an already registered version exits 0.
 */
import { createRegistryClient, errorBodyOf } from '@ml-platform/model-registry-client';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const client = createRegistryClient({ url: env('REGISTRY_URL'), token: env('REGISTRY_TOKEN') });

try {
  const { model, version } = await client.models.register.mutate({
    name: env('MODEL_NAME'),
    version: env('MODEL_VERSION'),
    framework: 'xgboost',
    artifactUri: env('ARTIFACT_URI'),
    deploymentTarget: 'LAMBDA',
    deploymentConfig: { memoryMb: 2048, timeoutSeconds: 30 },
    tags: ['ci'],
    metrics: process.env.MODEL_AUC ? { auc: Number(process.env.MODEL_AUC) } : {},
    lineage: { commitSha: process.env.GITHUB_SHA, trainingJobId: process.env.GITHUB_RUN_ID },
  });
  console.log(`registered ${model.team}/${model.name} ${version.version} (${version.id})`);
} catch (error) {
  const body = errorBodyOf(error);
  if (body?.code === 'CONFLICT') {
    console.log(body.message);
  } else {
    console.error(body ? `${body.code}: ${body.message} (trace ${body.traceId})` : error);
    process.exitCode = 1;
  }
}

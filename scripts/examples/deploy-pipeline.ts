/**
 * A deployment pipeline a platform team can start from: it receives the registry's webhooks,
 * checks their signature, "deploys" what `deployment.requested` asks (here it logs what it would
 * do on EKS or Lambda with the version's preferences) and reports back with a `deploy` token.
 *
 *   PIPELINE_PORT=8787 WEBHOOK_SECRET=whsec_… REGISTRY_URL=… REGISTRY_TOKEN=<token with the deploy scope> \
 *     npx tsx scripts/examples/deploy-pipeline.ts
 *
 * Subscribe it in the portal (Webhooks) or the API with the event type deployment.requested.
 */
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { createRegistryClient, errorBodyOf } from '@ml-platform/model-registry-client';

const port = Number(process.env.PIPELINE_PORT ?? 8787);
const webhook = new Webhook(process.env.WEBHOOK_SECRET ?? '');
const registry = createRegistryClient({ url: process.env.REGISTRY_URL ?? 'http://localhost:3000', token: process.env.REGISTRY_TOKEN ?? '' });
// Deliveries are at least once: the same webhook-id may come again and is done once.
const seen = new Set<string>();

interface DeploymentRequested {
  deploymentId: string;
  model: string;
  version: string;
  environment: 'staging' | 'production';
  trafficPercent: number;
  allocation: { version: string; percent: number }[];
  artifactUri: string;
  deploymentTarget: 'EKS' | 'LAMBDA';
  deploymentConfig: Record<string, unknown>;
}

/** What a real pipeline would run; this one says it and names what it would have produced. */
function plan(d: DeploymentRequested): { steps: string[]; endpoint: string } {
  const name = `${d.model}-${d.version.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const split = d.allocation.map((s) => `${s.version} ${s.percent}%`).join(', ');
  if (d.deploymentTarget === 'LAMBDA') {
    const c = d.deploymentConfig;
    return {
      steps: [
        `aws lambda create-function --function-name ${name} --memory-size ${c.memoryMb} --timeout ${c.timeoutSeconds} --architectures ${c.architecture} --code S3Uri=${d.artifactUri}`,
        `aws lambda update-alias --name ${d.environment} (weights: ${split})`,
      ],
      endpoint: `arn:aws:lambda:eu-west-1:123456789012:function:${name}:${d.environment}`,
    };
  }
  const c = d.deploymentConfig as { instanceType?: string; minReplicas: number; maxReplicas: number; cpu: string; memoryMiB: number };
  return {
    steps: [
      `kubectl apply deployment/${name} (replicas ${c.minReplicas}-${c.maxReplicas}, cpu ${c.cpu}, memory ${c.memoryMiB}Mi${c.instanceType ? `, on ${c.instanceType}` : ''}, model ${d.artifactUri})`,
      `kubectl apply virtualservice/${d.model}-${d.environment} (weights: ${split})`,
    ],
    endpoint: `https://${d.model}.${d.environment}.models.internal/v1/models/${d.model}:predict`,
  };
}

async function deploy(d: DeploymentRequested) {
  const report = (body: Parameters<typeof registry.deployments.report.mutate>[0]) => registry.deployments.report.mutate(body);
  try {
    await report({ deploymentId: d.deploymentId, status: 'in_progress', progress: 0, message: `deploying ${d.model} ${d.version} to ${d.environment}` });
    const { steps, endpoint } = plan(d);
    for (const [i, step] of steps.entries()) {
      console.log(`[${d.deploymentId}] ${step}`);
      await report({ deploymentId: d.deploymentId, status: 'in_progress', progress: Math.round(((i + 1) / steps.length) * 100), message: step });
    }
    await report({ deploymentId: d.deploymentId, status: 'succeeded', endpoint });
    console.log(`[${d.deploymentId}] succeeded: ${endpoint}`);
  } catch (error) {
    const body = errorBodyOf(error);
    console.error(`[${d.deploymentId}] ${body ? `${body.code}: ${body.message}` : String(error)}`);
    await report({ deploymentId: d.deploymentId, status: 'failed', error: String(error) }).catch(() => undefined);
  }
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let event: { type: string; data: DeploymentRequested };
    try {
      event = webhook.verify(body, req.headers as Record<string, string>) as typeof event;
    } catch {
      res.writeHead(401).end('bad signature');
      return;
    }
    const id = String(req.headers['webhook-id']);
    // Answer at once; the work happens after (the registry waits 10 s at most for an answer).
    res.writeHead(202).end('accepted');
    if (seen.has(id) || event.type !== 'deployment.requested') return;
    seen.add(id);
    void deploy(event.data);
  });
}).listen(port, '127.0.0.1', () => console.log(`Deploy pipeline listening on http://127.0.0.1:${port}/hook`));

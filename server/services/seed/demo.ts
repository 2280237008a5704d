import { count } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { teams } from '@/db/schema';
import { accessFromGroups } from '../../auth/claims';
import { DEMO_PEOPLE } from './demo-people';
import { config } from '../../config';
import { systemPrincipal } from '../../auth/principal';
import { registerModelInput, type RegisterModelBody } from '../../schemas/register';
import { registerModel } from '../models/register';
import { applyIdentity } from '../users/access';

const DEMO_TEAMS = [
  { slug: 'fraud', name: 'Fraud Detection' },
  { slug: 'recsys', name: 'Recommendations' },
  { slug: 'vision', name: 'Computer Vision' },
];

const lambda = { memoryMb: 2048, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' };
const eks = { instanceType: 'g5.xlarge', minReplicas: 2, maxReplicas: 6, cpu: '2', memoryMiB: 8192, gpu: { type: 'nvidia-a10g', count: 1 } };

const DEMO_VERSIONS: RegisterModelBody[] = [
  { team: 'fraud', name: 'fraud-detector', version: '1.0.0', framework: 'xgboost', artifactUri: 's3://ml-models/fraud/fraud-detector/1.0.0/model.tar.gz', deploymentTarget: 'LAMBDA', deploymentConfig: lambda, description: 'Scores card transactions for fraud in real time.', tags: ['tabular', 'real-time'], metrics: { auc: 0.91, precision: 0.84 }, hyperparameters: { max_depth: 6, eta: 0.1 }, lineage: { datasets: ['s3://ml-data/fraud/transactions-2026-06/'], trainingJobId: 'train-fraud-0412', commitSha: '3f9a2c1' } },
  { team: 'fraud', name: 'fraud-detector', version: '1.1.0', framework: 'xgboost', artifactUri: 's3://ml-models/fraud/fraud-detector/1.1.0/model.tar.gz', deploymentTarget: 'LAMBDA', deploymentConfig: lambda, description: 'Scores card transactions for fraud in real time; adds merchant features.', tags: ['tabular', 'real-time'], metrics: { auc: 0.94, precision: 0.87 }, hyperparameters: { max_depth: 7, eta: 0.08 }, lineage: { datasets: ['s3://ml-data/fraud/transactions-2026-09/'], trainingJobId: 'train-fraud-0517', commitSha: '8b41d07', parentVersion: '1.0.0' } },
  { team: 'fraud', name: 'chargeback-risk', version: '0.3.0', framework: 'lightgbm', artifactUri: 's3://ml-models/fraud/chargeback-risk/0.3.0/model.txt', deploymentTarget: 'LAMBDA', deploymentConfig: { memoryMb: 1024, timeoutSeconds: 10 }, description: 'Predicts the chance a payment ends in a chargeback.', tags: ['tabular', 'batch'], metrics: { auc: 0.88 } },
  { team: 'recsys', name: 'home-feed-ranker', version: '2.0.0', framework: 'pytorch', artifactUri: 's3://ml-models/recsys/home-feed-ranker/2.0.0/model.pt', deploymentTarget: 'EKS', deploymentConfig: eks, description: 'Ranks candidate items for the home feed.', tags: ['ranking', 'deep-learning'], metrics: { ndcg_at_10: 0.412 } },
  { team: 'recsys', name: 'home-feed-ranker', version: '2.1.0-rc.1', framework: 'pytorch', artifactUri: 's3://ml-models/recsys/home-feed-ranker/2.1.0-rc.1/model.pt', deploymentTarget: 'EKS', deploymentConfig: eks, description: 'Ranks candidate items for the home feed; two-tower retrieval.', tags: ['ranking', 'deep-learning'], metrics: { ndcg_at_10: 0.427 }, lineage: { parentVersion: '2.0.0' } },
  { team: 'vision', name: 'defect-segmenter', version: '1.0.0', framework: 'onnx', artifactUri: 's3://ml-models/vision/defect-segmenter/1.0.0/model.onnx', deploymentTarget: 'EKS', deploymentConfig: { minReplicas: 1, maxReplicas: 3, cpu: '4', memoryMiB: 16384, gpu: { type: 'nvidia-t4', count: 1 } }, description: 'Segments surface defects on production-line images.', tags: ['images', 'segmentation'], metrics: { iou: 0.78 } },
];

/** Fills an empty database with demo teams, people and models; does nothing otherwise. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(teams);
  if ((existing?.n ?? 0) > 0) return false;

  await db.insert(teams).values(DEMO_TEAMS);
  const rules = config.groupRules;
  for (const { subject, name, email, groups } of DEMO_PEOPLE) {
    await applyIdentity(db, { subject, name, email }, accessFromGroups(groups, rules));
  }
  const actor = { principal: systemPrincipal('demo seed'), correlationId: 'seed' };
  for (const body of DEMO_VERSIONS) await registerModel({ db, actor }, registerModelInput.parse(body));
  return true;
}

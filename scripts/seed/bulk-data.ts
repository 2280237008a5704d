import { uuidv7 } from 'uuidv7';
import { FRAMEWORKS, GPU_TYPES, RISK_TIERS } from '../../db/schema/vocabulary';
import { summarizeLiveVersions } from '../../server/services/models/summary';

// Realistic, varied and reproducible registry contents: a seeded generator, the vocabulary of a
// company's ML work, and version histories that move the way real ones do.

export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number) => [...new Set(Array.from({ length: int(min, max) }, () => pick(items)))];
  const hex = (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  return { next, int, pick, some, hex, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof random>;

const DOMAINS = ['fraud', 'churn', 'search', 'recsys', 'vision', 'speech', 'pricing', 'ads', 'risk', 'support', 'logistics', 'forecast'];
const TASKS = ['classifier', 'ranker', 'detector', 'scorer', 'embedder', 'segmenter', 'regressor', 'tagger', 'forecaster', 'matcher'];
const TAGS = ['payments', 'eu', 'us', 'apac', 'realtime', 'batch', 'pii', 'gdpr', 'experimental', 'baseline', 'distilled', 'quantized', 'multilingual', 'mobile', 'gpu', 'tabular', 'nlp', 'cv', 'audio', 'tier-1'];
const PURPOSES = [
  'Scores {domain} events in real time so that analysts review the riskiest first.',
  'Ranks candidate items for the {domain} surfaces by predicted engagement.',
  'Predicts next-week {domain} volumes per region for capacity planning.',
  'Flags {domain} anomalies that the rule engine misses.',
  'Embeds {domain} documents for semantic retrieval and deduplication.',
];
const STATES_OF_OLD = ['retired', 'deprecated', 'deprecated', 'retired'] as const;
const STATES_OF_LATEST = ['production', 'production', 'staging', 'approved_prod', 'submitted', 'draft', 'draft', 'changes_requested'] as const;

export interface BulkOptions {
  models: number;
  versionsPerModel: number;
  teams: number;
  seed: number;
}

export interface TeamRow {
  id: string;
  slug: string;
  name: string;
}

export const teamRows = (count: number): TeamRow[] =>
  Array.from({ length: count }, (_, i) => {
    const slug = `${DOMAINS[i % DOMAINS.length]}-${Math.floor(i / DOMAINS.length) + 1}`;
    return { id: uuidv7(), slug, name: `${slug} team` };
  });

const day = 86_400_000;

function nextVersion(rng: Random, previous: [number, number, number]): [number, number, number] {
  const [major, minor, patch] = previous;
  const roll = rng.next();
  if (roll < 0.1) return [major + 1, 0, 0];
  if (roll < 0.45) return [major, minor + 1, 0];
  return [major, minor, patch + 1];
}

function metricsFor(rng: Random, task: string): Record<string, number> {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  if (task === 'regressor' || task === 'forecaster') return { rmse: round(rng.next() * 10), mape: round(rng.next() * 0.3) };
  if (task === 'ranker' || task === 'matcher') return { ndcg_at_10: round(0.5 + rng.next() * 0.45), mrr: round(0.4 + rng.next() * 0.5) };
  return { auc: round(0.7 + rng.next() * 0.29), f1: round(0.5 + rng.next() * 0.45), precision: round(0.6 + rng.next() * 0.39) };
}

function deploymentConfigFor(rng: Random, target: 'EKS' | 'LAMBDA') {
  if (target === 'LAMBDA') {
    return { memoryMb: rng.pick([512, 1024, 2048, 3008, 4096, 10240]), timeoutSeconds: rng.pick([15, 30, 60, 300]), ephemeralStorageMb: 512, architecture: rng.pick(['x86_64', 'arm64']) };
  }
  const min = rng.int(1, 4);
  return {
    instanceType: rng.pick(['m6i.xlarge', 'c6i.2xlarge', 'g5.xlarge', 'r6i.large']),
    minReplicas: min,
    maxReplicas: min + rng.int(0, 8),
    cpu: rng.pick(['500m', '1', '2', '4']),
    memoryMiB: rng.pick([1024, 2048, 4096, 8192, 16384]),
    ...(rng.chance(0.3) ? { gpu: { type: rng.pick(GPU_TYPES), count: rng.int(1, 2) } } : {}),
  };
}

/** One model and its versions, with the model's summary of its live versions already computed. */
export function modelWithVersions(rng: Random, index: number, team: TeamRow, options: BulkOptions, now: number) {
  const domain = team.slug.split('-')[0]!;
  const task = rng.pick(TASKS);
  const name = `${domain}-${task}-${index}`;
  const framework = rng.pick(FRAMEWORKS);
  const firstTarget: 'EKS' | 'LAMBDA' = rng.chance(0.6) ? 'EKS' : 'LAMBDA';
  const modelId = uuidv7();
  const people = Array.from({ length: rng.int(1, 2) }, () => `${rng.pick(['ana', 'ben', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana'])}.${rng.pick(['ml', 'ds', 'data'])}@example.com`);
  let created = now - rng.int(30, 730) * day;
  let number: [number, number, number] = rng.chance(0.3) ? [0, 1, 0] : [1, 0, 0];
  let previous: string | undefined;
  // A model keeps to a few topics; a version carries some of them, rarely one more.
  const topics = rng.some(TAGS, 2, 4);

  const versions = Array.from({ length: options.versionsPerModel }, (_, v) => {
    const isLast = v === options.versionsPerModel - 1;
    const target: 'EKS' | 'LAMBDA' = rng.chance(0.1) ? (firstTarget === 'EKS' ? 'LAMBDA' : 'EKS') : firstTarget;
    const version = `${number.join('.')}${rng.chance(0.05) && !isLast ? `-rc.${rng.int(1, 3)}` : ''}`;
    const deleted = !isLast && rng.chance(0.02);
    const state = isLast ? rng.pick(STATES_OF_LATEST) : v >= options.versionsPerModel - 3 ? rng.pick(['production', 'deprecated', 'staging'] as const) : rng.pick(STATES_OF_OLD);
    const row = {
      id: uuidv7(),
      modelId,
      teamId: team.id,
      version,
      framework: rng.chance(0.9) ? framework : rng.pick(FRAMEWORKS),
      artifactUri: `s3://ml-models-${domain}/${name}/${version}/model.tar.gz`,
      deploymentTarget: target,
      deploymentConfig: deploymentConfigFor(rng, target),
      description: rng.chance(0.4) ? rng.pick(PURPOSES).replace('{domain}', domain) : null,
      tags: [...new Set([...rng.some(topics, 1, topics.length), ...(rng.chance(0.1) ? [rng.pick(TAGS)] : [])])],
      metrics: metricsFor(rng, task),
      hyperparameters: { learning_rate: Math.round(rng.next() * 1000) / 10000, max_depth: rng.int(3, 12), epochs: rng.int(5, 200) },
      lineage: {
        datasets: [`s3://datasets/${domain}/${new Date(created).toISOString().slice(0, 7)}/train.parquet`],
        trainingJobId: `train-${rng.hex(12)}`,
        commitSha: rng.hex(40),
        ...(previous ? { parentVersion: previous } : {}),
      },
      state,
      deploymentStatus: state === 'production' ? 'succeeded' : state === 'staging' ? rng.pick(['succeeded', 'in_progress', 'failed']) : 'not_deployed',
      registeredBy: { kind: 'user', id: people[0]!, name: people[0]! },
      createdAt: new Date(created),
      deletedAt: deleted ? new Date(created + day) : null,
      deletedBy: deleted ? { kind: 'user', id: people[0]!, name: people[0]! } : null,
    };
    created += rng.int(1, 20) * day * 0.05;
    number = nextVersion(rng, number);
    previous = version;
    return row;
  });

  const { latest, ...summary } = summarizeLiveVersions(versions.filter((v) => !v.deletedAt));
  const model = {
    id: modelId,
    teamId: team.id,
    name,
    ...summary,
    owners: people,
    riskTier: rng.chance(0.7) ? rng.pick(RISK_TIERS) : null,
    createdAt: versions[0]!.createdAt,
    updatedAt: latest!.createdAt,
  };
  return { model, versions };
}

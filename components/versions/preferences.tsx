import type { EksConfig, LambdaConfig } from '@/db/schema/json-columns';
import type { ModelVersion } from '@/server/schemas/version';

const number = (n: number) => n.toLocaleString('en-US');
const GPU_NAMES: Record<string, string> = { 'nvidia-t4': 'NVIDIA T4', 'nvidia-a10g': 'NVIDIA A10G', 'nvidia-l4': 'NVIDIA L4', 'nvidia-a100': 'NVIDIA A100', 'nvidia-h100': 'NVIDIA H100' };

/** "500m" → "0.5 cores", "2" → "2 cores": Kubernetes quantities as people say them. */
function cores(quantity: string): string {
  const value = quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
  return `${number(value)} ${value === 1 ? 'core' : 'cores'}`;
}

function lambdaRows(c: LambdaConfig): [string, string][] {
  return [
    ['Memory', `${number(c.memoryMb)} MB`],
    ['Timeout', `${number(c.timeoutSeconds)} s`],
    ['Ephemeral storage', `${number(c.ephemeralStorageMb)} MB`],
    ['Architecture', c.architecture === 'arm64' ? 'Arm64 (Graviton)' : 'x86-64'],
  ];
}

function eksRows(c: EksConfig): [string, string][] {
  return [
    ['Replicas', c.minReplicas === c.maxReplicas ? number(c.minReplicas) : `${number(c.minReplicas)}–${number(c.maxReplicas)}`],
    ['CPU', cores(c.cpu)],
    ['Memory', `${number(c.memoryMiB)} MiB`],
    ['GPU', c.gpu ? `${c.gpu.count} × ${GPU_NAMES[c.gpu.type] ?? c.gpu.type}` : 'None'],
    ...(c.instanceType ? ([['Instance type', c.instanceType]] as [string, string][]) : []),
  ];
}

type Configured = Pick<ModelVersion, 'deploymentTarget' | 'deploymentConfig'>;

/** Label and value of each preference, in units people read. */
export const preferenceRows = (version: Configured): [string, string][] =>
  version.deploymentTarget === 'LAMBDA' ? lambdaRows(version.deploymentConfig as LambdaConfig) : eksRows(version.deploymentConfig as EksConfig);

/** A version's deployment preferences with human labels and units (`Memory 2,048 MB`). */
export function Preferences({ version }: { version: Configured }) {
  const rows = preferenceRows(version);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

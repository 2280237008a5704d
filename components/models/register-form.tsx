'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Fragment, type ReactNode, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import { submitKeepingInput } from '@/components/forms/submit-keeping-input';
import { useFieldErrors } from '@/components/forms/field-errors';
import type { ActionResult } from '@/server/http/action-result';
import { DEPLOYMENT_TARGETS, FRAMEWORKS, GPU_TYPES, LAMBDA_ARCHITECTURES } from '@/db/schema/vocabulary';
import { type RegisterModelOutput, registerModelInput } from '@/server/schemas/register';
import { versionPath } from '@/server/portal-paths';
import { useHydrated } from '@/components/forms/use-hydrated';

export interface RegisterDefaults {
  name?: string;
  team?: string;
  framework?: string;
  deploymentTarget?: 'EKS' | 'LAMBDA';
  deploymentConfig?: Record<string, unknown>;
  tags?: string[];
  parentVersion?: string;
}

interface Props {
  teams: string[];
  defaults: RegisterDefaults;
  register: (input: unknown) => Promise<ActionResult<RegisterModelOutput>>;
}

const input = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const number = (form: FormData, name: string) => (text(form, name) === '' ? undefined : Number(text(form, name)));
const list = (form: FormData, name: string) => text(form, name).split(',').map((s) => s.trim()).filter(Boolean);

/** A JSON object typed by the person, or the text itself so that the schema reports it. */
function json(form: FormData, name: string): unknown {
  const raw = text(form, name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

// Every path the API may refuse, with the label of the control that shows it.
const FIELDS: Record<string, string> = {
  name: 'Name',
  version: 'Version',
  team: 'Team',
  framework: 'Framework',
  artifactUri: 'Artifact location',
  deploymentTarget: 'Deployment target',
  'deploymentConfig.memoryMb': 'Memory (MB)',
  'deploymentConfig.timeoutSeconds': 'Timeout (s)',
  'deploymentConfig.ephemeralStorageMb': 'Ephemeral storage (MB)',
  'deploymentConfig.architecture': 'Architecture',
  'deploymentConfig.minReplicas': 'Min replicas',
  'deploymentConfig.maxReplicas': 'Max replicas',
  'deploymentConfig.cpu': 'CPU',
  'deploymentConfig.memoryMiB': 'Memory (MiB)',
  'deploymentConfig.instanceType': 'Instance type',
  'deploymentConfig.gpu.type': 'GPU',
  'deploymentConfig.gpu.count': 'GPU count',
  deploymentConfig: 'Deployment',
  description: 'Description',
  tags: 'Tags',
  metrics: 'Metrics',
  hyperparameters: 'Hyperparameters',
  'lineage.datasets': 'Training datasets',
  'lineage.trainingJobId': 'Training job id',
  'lineage.commitSha': 'Commit SHA',
  'lineage.parentVersion': 'Parent version',
  lineage: 'Lineage',
};
// Controls whose id is not their error path; a group's errors lead to its first control.
const IDS: Record<string, string> = { deploymentTarget: 'deploymentTarget-EKS', deploymentConfig: 'deploymentTarget-EKS', lineage: 'lineage.datasets' };

function body(form: FormData, target: 'EKS' | 'LAMBDA'): Record<string, unknown> {
  const deploymentConfig =
    target === 'LAMBDA'
      ? { memoryMb: number(form, 'memoryMb'), timeoutSeconds: number(form, 'timeoutSeconds'), ephemeralStorageMb: number(form, 'ephemeralStorageMb'), architecture: text(form, 'architecture') || undefined }
      : {
          instanceType: text(form, 'instanceType') || undefined,
          minReplicas: number(form, 'minReplicas'),
          maxReplicas: number(form, 'maxReplicas'),
          cpu: text(form, 'cpu') || undefined,
          memoryMiB: number(form, 'memoryMiB'),
          gpu: text(form, 'gpuType') ? { type: text(form, 'gpuType'), count: number(form, 'gpuCount') ?? 1 } : undefined,
        };
  const lineage = {
    datasets: list(form, 'datasets').length ? list(form, 'datasets') : undefined,
    trainingJobId: text(form, 'trainingJobId') || undefined,
    commitSha: text(form, 'commitSha') || undefined,
    parentVersion: text(form, 'parentVersion') || undefined,
  };
  const entries: [string, unknown][] = [
    ['name', text(form, 'name')],
    ['version', text(form, 'version')],
    ['team', text(form, 'team') || undefined],
    ['framework', text(form, 'framework')],
    ['artifactUri', text(form, 'artifactUri')],
    ['deploymentTarget', target],
    ['deploymentConfig', deploymentConfig],
    ['description', text(form, 'description') || undefined],
    ['tags', list(form, 'tags').length ? list(form, 'tags') : undefined],
    ['metrics', json(form, 'metrics')],
    ['hyperparameters', json(form, 'hyperparameters')],
    ['lineage', Object.values(lineage).some(Boolean) ? lineage : undefined],
  ];
  // Empty fields are left out, so the schema says "Required" where one is needed.
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== ''));
}

export function RegisterForm({ teams, defaults, register }: Props) {
  const router = useRouter();
  const [target, setTarget] = useState<'EKS' | 'LAMBDA'>(defaults.deploymentTarget ?? 'LAMBDA');
  const errors = useFieldErrors(FIELDS, IDS);
  const [conflict, setConflict] = useState<{ message: string; href: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const config = (defaults.deploymentTarget === target ? defaults.deploymentConfig : undefined) ?? {};

  function submit(form: FormData) {
    const candidate = body(form, target);
    setConflict(null);
    const items = { tags: list(form, 'tags'), 'lineage.datasets': list(form, 'datasets') };
    const parsed = registerModelInput.safeParse(candidate);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = fieldErrorsFromIssues(parsed.error.issues);
      errors.show(fieldErrors, formErrors, items);
      return;
    }
    errors.clear();
    startTransition(async () => {
      const result = await register(candidate);
      if (result.ok) {
        toast.success(`Registered ${result.data.model.name} ${result.data.version.version}`);
        router.push(versionPath(result.data.modelId, result.data.version.version));
      } else if (result.error.code === 'CONFLICT') {
        const details = result.error.details as { modelId?: string; versionId?: string; version?: string };
        setConflict({
          message: result.error.message,
          href: details.modelId && details.versionId && details.version ? versionPath(details.modelId, details.version) : null,
        });
      } else {
        errors.show(result.error.details?.fieldErrors ?? {}, result.error.details?.fieldErrors ? [] : [result.error.message], items);
      }
    });
  }

  const field = (name: string, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      {control}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {errors.message(name)}
    </div>
  );
  // A control named for its error path; `formName` where the form field is called otherwise.
  const described = (path: string, formName = path) => ({ id: path, name: formName, ...errors.describe(path) });
  const configField = (key: string) => `deploymentConfig.${key}`;

  return (
    <form onSubmit={submitKeepingInput(submit)} className="space-y-6" aria-label="Register a model version" noValidate>
      {errors.summary}
      {conflict && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {conflict.message}. {conflict.href && <Link href={conflict.href} className="underline">Open the existing version</Link>}
        </div>
      )}
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Model</legend>
        {field('name', 'Name', <input {...described('name')} defaultValue={defaults.name} className={input} />, 'Letters, digits, ".", "_" and "-"')}
        {field('version', 'Version', <input {...described('version')} placeholder="1.0.0" className={input} />, 'SemVer, e.g. 1.2.0 or 2.0.0-rc.1')}
        {field(
          'team',
          'Team',
          <select {...described('team')} defaultValue={defaults.team ?? teams[0]} className={input}>
            {teams.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>,
        )}
        {field(
          'framework',
          'Framework',
          <select {...described('framework')} defaultValue={defaults.framework ?? ''} className={input}>
            <option value="">Choose…</option>
            {FRAMEWORKS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>,
        )}
        <div className="sm:col-span-2">
          {field('artifactUri', 'Artifact location', <input {...described('artifactUri')} placeholder="s3://bucket/path/model.tar.gz" className={input} />)}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Deployment</legend>
        <div className="sm:col-span-2" role="radiogroup" aria-label="Deployment target">
          {DEPLOYMENT_TARGETS.map((t) => (
            <label key={t} className="mr-6 inline-flex items-center gap-2">
              <input type="radio" id={`deploymentTarget-${t}`} name="deploymentTarget" value={t} checked={target === t} onChange={() => setTarget(t)} /> {t === 'EKS' ? 'EKS (Kubernetes)' : 'AWS Lambda'}
            </label>
          ))}
          {errors.message('deploymentTarget')}
          {errors.message('deploymentConfig')}
        </div>
        {/* Keyed by target: each target's inputs are new elements, not the other's with its typed values. */}
        {target === 'LAMBDA' ? (
          <Fragment key="LAMBDA">
            {field(configField('memoryMb'), 'Memory (MB)', <input {...described(configField('memoryMb'), 'memoryMb')} type="number" defaultValue={config.memoryMb as number} className={input} />, '128–10,240')}
            {field(configField('timeoutSeconds'), 'Timeout (s)', <input {...described(configField('timeoutSeconds'), 'timeoutSeconds')} type="number" defaultValue={config.timeoutSeconds as number} className={input} />, '1–900')}
            {field(configField('ephemeralStorageMb'), 'Ephemeral storage (MB)', <input {...described(configField('ephemeralStorageMb'), 'ephemeralStorageMb')} type="number" defaultValue={(config.ephemeralStorageMb as number) ?? 512} className={input} />, '512–10,240')}
            {field(
              configField('architecture'),
              'Architecture',
              <select {...described(configField('architecture'), 'architecture')} defaultValue={(config.architecture as string) ?? 'x86_64'} className={input}>
                {LAMBDA_ARCHITECTURES.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>,
            )}
          </Fragment>
        ) : (
          <Fragment key="EKS">
            {field(configField('minReplicas'), 'Min replicas', <input {...described(configField('minReplicas'), 'minReplicas')} type="number" defaultValue={(config.minReplicas as number) ?? 1} className={input} />)}
            {field(configField('maxReplicas'), 'Max replicas', <input {...described(configField('maxReplicas'), 'maxReplicas')} type="number" defaultValue={(config.maxReplicas as number) ?? 2} className={input} />)}
            {field(configField('cpu'), 'CPU', <input {...described(configField('cpu'), 'cpu')} defaultValue={config.cpu as string} placeholder="500m or 2" className={input} />)}
            {field(configField('memoryMiB'), 'Memory (MiB)', <input {...described(configField('memoryMiB'), 'memoryMiB')} type="number" defaultValue={config.memoryMiB as number} className={input} />)}
            {field(configField('instanceType'), 'Instance type (optional)', <input {...described(configField('instanceType'), 'instanceType')} defaultValue={config.instanceType as string} placeholder="g5.xlarge" className={input} />)}
            {field(
              configField('gpu.type'),
              'GPU (optional)',
              <select {...described(configField('gpu.type'), 'gpuType')} defaultValue={(config.gpu as { type?: string } | undefined)?.type ?? ''} className={input}>
                <option value="">None</option>
                {GPU_TYPES.map((g) => <option key={g} value={g}>{g}</option>)}
              </select>,
            )}
            {field(configField('gpu.count'), 'GPU count', <input {...described(configField('gpu.count'), 'gpuCount')} type="number" defaultValue={(config.gpu as { count?: number } | undefined)?.count ?? 1} className={input} />)}
          </Fragment>
        )}
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Details (optional)</legend>
        <div className="sm:col-span-2">{field('description', 'Description (Markdown)', <textarea {...described('description')} rows={4} className={input} />)}</div>
        {field('tags', 'Tags (comma-separated)', <input {...described('tags')} defaultValue={defaults.tags?.join(', ')} className={input} />)}
        {field('metrics', 'Metrics (JSON)', <input {...described('metrics')} placeholder='{"auc": 0.94}' className={input} />)}
        {field('hyperparameters', 'Hyperparameters (JSON)', <input {...described('hyperparameters')} placeholder='{"max_depth": 6}' className={input} />)}
        {field('lineage.datasets', 'Training datasets (comma-separated)', <input {...described('lineage.datasets', 'datasets')} className={input} />)}
        {field('lineage.trainingJobId', 'Training job id', <input {...described('lineage.trainingJobId', 'trainingJobId')} className={input} />)}
        {field('lineage.commitSha', 'Commit SHA', <input {...described('lineage.commitSha', 'commitSha')} className={input} />)}
        {field('lineage.parentVersion', 'Parent version', <input {...described('lineage.parentVersion', 'parentVersion')} defaultValue={defaults.parentVersion} className={input} />)}
        {errors.message('lineage')}
      </fieldset>
      <button type="submit" disabled={pending || !hydrated} aria-busy={pending} className="rounded bg-indigo-600 px-5 py-2 text-white hover:bg-indigo-700 disabled:opacity-50">
        {pending ? 'Registering…' : 'Register'}
      </button>
    </form>
  );
}

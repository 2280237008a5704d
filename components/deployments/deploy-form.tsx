'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/server/http/action-result';
import type { DeployAccepted } from '@/server/schemas/deployment';

type Environment = 'staging' | 'production';
type Fields = { environment: Environment; trafficPercent: number; reason?: string };

/**
 * Asks for this version to be deployed. Only the environments the version and the person's role
 * allow are offered; the server still checks the state, the role and the policy and says why not.
 */
export function DeployForm({ environments, deploy }: { environments: Environment[]; deploy: (fields: Fields) => Promise<ActionResult<DeployAccepted>> }) {
  const router = useRouter();
  const [environment, setEnvironment] = useState<Environment>(environments[0]!);
  const [traffic, setTraffic] = useState('100');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await deploy({ environment, trafficPercent: Number(traffic), reason: reason.trim() || undefined });
      if (result.ok) {
        setErrors({});
        setMessage(null);
        toast.success(`Deployment to ${environment} requested: the pipeline reports its progress here`);
        router.refresh();
        return;
      }
      const fieldErrors = (result.error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
      setErrors(fieldErrors);
      setMessage(result.error.message);
      toast.error(result.error.message);
    });
  }

  const input = 'mt-1 block rounded border border-slate-300 px-2 py-1';
  return (
    <form onSubmit={submit} aria-label="Deploy this version" className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        Environment
        <select value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)} className={input}>
          {environments.map((env) => (
            <option key={env} value={env}>{env}</option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Share of traffic (%)
        <input type="number" min={1} max={100} step={1} value={traffic} onChange={(e) => setTraffic(e.target.value)} aria-invalid={!!errors.trafficPercent} aria-describedby="traffic-error" className={`${input} w-24`} />
      </label>
      <label className="min-w-48 flex-1 text-sm font-medium">
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="what this deployment is for" className={`${input} w-full`} />
      </label>
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
        {pending ? 'Requesting…' : 'Deploy'}
      </button>
      <div id="traffic-error" role="alert" className="w-full text-sm text-red-700">
        {errors.trafficPercent?.map((e) => <p key={e}>Share of traffic {e}</p>)}
        {message && !errors.trafficPercent && <p>{message}</p>}
      </div>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import type { ActionResult } from '@/server/http/action-result';
import { POLICY_STATES, type PolicyCheck, policyDocumentSchema } from '@/server/schemas/policy';

interface Props {
  team: string;
  initial: string;
  canSave: boolean;
  sample: { modelId: string; version: string } | null;
  save: (input: { team: string; document: unknown; comment?: string }) => Promise<ActionResult<unknown>>;
  dryRun: (input: { modelId: string; version: string; to: string; document: unknown }) => Promise<ActionResult<PolicyCheck>>;
}

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';

/** Edits a team's policy as JSON, checked by the same schema as the API, with a dry run against a version. */
export function PolicyEditor(props: Props) {
  const router = useRouter();
  const [text, setText] = useState(props.initial);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [check, setCheck] = useState<PolicyCheck | null>(null);
  const [modelId, setModelId] = useState(props.sample?.modelId ?? '');
  const [version, setVersion] = useState(props.sample?.version ?? '');
  const [to, setTo] = useState<string>('approved_staging');
  const [pending, startTransition] = useTransition();

  /** The document, or null with the errors shown: JSON first, then the schema, field by field. */
  function parsed(): unknown | null {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      setErrors([`Not valid JSON: ${(error as Error).message}`]);
      return null;
    }
    const result = policyDocumentSchema.safeParse(value);
    if (!result.success) {
      const { fieldErrors, formErrors } = fieldErrorsFromIssues(result.error.issues);
      setErrors([...formErrors, ...Object.entries(fieldErrors).map(([path, messages]) => `${path}: ${messages.join('; ')}`)]);
      return null;
    }
    setErrors([]);
    return result.data;
  }

  const failed = (result: { ok: false; error: { message: string; details?: { fieldErrors?: Record<string, string[]> } } }) => {
    const fieldErrors = result.error.details?.fieldErrors ?? {};
    setErrors([result.error.message, ...Object.entries(fieldErrors).map(([path, messages]) => `${path}: ${messages.join('; ')}`)]);
    toast.error(result.error.message);
  };

  function dryRun() {
    const document = parsed();
    if (document === null) return;
    startTransition(async () => {
      const result = await props.dryRun({ modelId, version, to, document });
      if (result.ok) setCheck(result.data);
      else failed(result);
    });
  }

  function save() {
    const document = parsed();
    if (document === null) return;
    startTransition(async () => {
      const result = await props.save({ team: props.team, document, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      if (result.ok) {
        toast.success(`Saved the ${props.team} policy`);
        setComment('');
        router.refresh();
      } else failed(result);
    });
  }

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="editor">
      <h2 id="editor" className="font-semibold">
        {props.canSave ? 'Edit the policy' : 'Try a draft policy'}
      </h2>
      <label className="block text-sm font-medium">
        Policy document (JSON)
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} className={`${field} font-mono text-sm`} aria-invalid={errors.length > 0} aria-describedby="policy-errors" />
      </label>
      <div id="policy-errors" role="alert">
        {errors.length > 0 && (
          <ul className="list-disc pl-5 text-sm text-red-700">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-4">
        <legend className="text-sm font-medium">Dry run against a version</legend>
        <label className="text-sm sm:col-span-2">
          Model id
          <input value={modelId} onChange={(e) => setModelId(e.target.value)} className={field} />
        </label>
        <label className="text-sm">
          Version
          <input value={version} onChange={(e) => setVersion(e.target.value)} className={field} />
        </label>
        <label className="text-sm">
          Moving to
          <select value={to} onChange={(e) => setTo(e.target.value)} className={field}>
            {POLICY_STATES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {check && (
        <div className="rounded border border-slate-200 p-3 text-sm" aria-live="polite">
          <p className="font-semibold">Draft policy for {check.to.replace('_', ' ')}: {check.allowed ? 'met' : 'not met'}</p>
          <ul className="mt-1 space-y-1">
            {check.conditions.map((c) => (
              <li key={c.id}>
                {c.met ? '✓' : '✗'} {c.requirement} — {c.detail}
              </li>
            ))}
            {check.conditions.length === 0 && <li>No conditions.</li>}
          </ul>
        </div>
      )}
      {props.canSave && (
        <label className="block text-sm font-medium">
          Why this change (kept with the revision)
          <input value={comment} onChange={(e) => setComment(e.target.value)} className={field} />
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} aria-busy={pending} onClick={dryRun} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
          Dry run
        </button>
        {props.canSave && (
          <button type="button" disabled={pending} aria-busy={pending} onClick={save} className="rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-50">
            Save as a new revision
          </button>
        )}
      </div>
    </section>
  );
}

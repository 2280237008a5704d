'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import type { ActionResult } from '@/server/http/action-result';
import { updateModelInput } from '@/server/schemas/model';

interface Facts {
  description: string;
  owners: string[];
  riskTier: 'low' | 'medium' | 'high' | null;
  visibility: 'team' | 'internal' | 'shared';
  sharedWith: string[];
}

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';
const list = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

/** The facts maintainers keep: the model card, owners, risk tier and who may read the model. Sends only what changed. */
export function ModelFactsForm({ modelId, facts, save }: { modelId: string; facts: Facts; save: (input: { modelId: string } & Record<string, unknown>) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [visibility, setVisibility] = useState(facts.visibility);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get('card') ?? '');
    const owners = list(String(form.get('owners') ?? ''));
    const riskTier = (String(form.get('riskTier') ?? '') || null) as Facts['riskTier'];
    const sharedWith = visibility === 'shared' ? list(String(form.get('sharedWith') ?? '')) : [];
    const input = {
      modelId,
      ...(description !== facts.description ? { description: description || null } : {}),
      ...(owners.join() !== facts.owners.join() ? { owners } : {}),
      ...(riskTier !== facts.riskTier ? { riskTier } : {}),
      ...(visibility !== facts.visibility ? { visibility } : {}),
      ...(sharedWith.join() !== facts.sharedWith.join() ? { sharedWith, visibility } : {}),
    };
    if (Object.keys(input).length === 1) return toast.info('Nothing changed');
    const parsed = updateModelInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromIssues(parsed.error.issues).fieldErrors);
    startTransition(async () => {
      const result = await save(input);
      if (result.ok) {
        setErrors({});
        toast.success('Saved the model facts');
        router.refresh();
      } else {
        setErrors(result.error.details?.fieldErrors ?? { card: [result.error.message] });
        toast.error(result.error.message);
      }
    });
  }

  const error = (name: string) =>
    errors[name] && (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
        {errors[name].join('; ')}
      </p>
    );

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="font-semibold">Model facts (maintainers)</h2>
      <label className="block text-sm font-medium">
        Model card (Markdown; empty: the newest version&apos;s description)
        <textarea name="card" defaultValue={facts.description} rows={4} className={field} aria-invalid={!!errors.description} />
      </label>
      {error('description')}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Owners (comma-separated)
          <input name="owners" defaultValue={facts.owners.join(', ')} className={field} aria-invalid={!!errors.owners} />
          {error('owners')}
        </label>
        <label className="block text-sm font-medium">
          Risk tier
          <select name="riskTier" defaultValue={facts.riskTier ?? ''} className={field}>
            <option value="">not set</option>
            <option value="low">low</option>
            <option value="medium">medium</option>
            <option value="high">high</option>
          </select>
        </label>
        <label className="block text-sm font-medium">
          Who may read it
          <select name="visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as Facts['visibility'])} className={field}>
            <option value="team">its team only</option>
            <option value="internal">everyone in the company</option>
            <option value="shared">its team and named teams</option>
          </select>
        </label>
        {visibility === 'shared' && (
          <label className="block text-sm font-medium">
            Shared with (team slugs, comma-separated)
            <input name="sharedWith" defaultValue={facts.sharedWith.join(', ')} className={field} aria-invalid={!!errors.sharedWith} />
            {error('sharedWith')}
          </label>
        )}
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded bg-indigo-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-50">
        Save
      </button>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import type { ActionResult } from '@/server/http/action-result';
import { updateVersionInput } from '@/server/schemas/version';
import { modelPath } from '@/server/portal-paths';
import { submitKeepingInput } from '@/components/forms/submit-keeping-input';
import { useFieldErrors } from '@/components/forms/field-errors';
import { useHydrated } from '@/components/forms/use-hydrated';

interface Props {
  modelId: string;
  modelName: string;
  version: string;
  description: string | null;
  tags: string[];
  notes: string;
  canEdit: boolean;
  canDeregister: boolean;
  update: (input: unknown) => Promise<ActionResult<unknown>>;
  deregister: (input: { modelId: string; version: string; reason?: string }) => Promise<ActionResult<unknown>>;
}

const field = 'mt-1 w-full rounded border border-slate-300 px-2 py-1';
const FIELDS = { description: 'Description', tags: 'Tags', lineage: 'Lineage notes' };
const IDS = { lineage: 'notes' };

export function VersionActions(props: Props) {
  const router = useRouter();
  const errors = useFieldErrors(FIELDS, IDS);
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');

  function save(form: FormData) {
    // Only what the person changed: saving tags must not rewrite the description or the notes
    // (the audit trail would record them as changed).
    const description = String(form.get('description') ?? '');
    const tags = String(form.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const notes = String(form.get('notes') ?? '');
    const input = {
      modelId: props.modelId,
      version: props.version,
      ...(description !== (props.description ?? '') ? { description } : {}),
      ...(tags.join(',') !== props.tags.join(',') ? { tags } : {}),
      ...(notes !== props.notes ? { lineage: { notes } } : {}),
    };
    if (Object.keys(input).length === 2) {
      errors.clear();
      toast.info('Nothing changed');
      return;
    }
    const parsed = updateVersionInput.safeParse(input);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = fieldErrorsFromIssues(parsed.error.issues);
      return errors.show(fieldErrors, formErrors, { tags });
    }
    startTransition(async () => {
      const result = await props.update(input);
      if (result.ok) {
        errors.clear();
        setEditing(false);
        toast.success(`Saved ${props.modelName} ${props.version}`);
        router.refresh();
      } else {
        errors.show(result.error.details?.fieldErrors ?? {}, result.error.details?.fieldErrors ? [] : [result.error.message], { tags });
      }
    });
  }

  function deregister() {
    startTransition(async () => {
      const result = await props.deregister({ modelId: props.modelId, version: props.version, reason: reason.trim() || undefined });
      if (result.ok) {
        toast.success(`Deregistered ${props.modelName} ${props.version}`);
        router.push(modelPath(props.modelId));
      } else toast.error(result.error.message);
    });
  }

  const error = errors.message;
  const invalid = errors.describe;

  return (
    <div className="flex flex-wrap gap-3">
      {props.canEdit && !editing && (
        <button type="button" onClick={() => setEditing(true)} disabled={!hydrated} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          Edit metadata
        </button>
      )}
      {props.canEdit && editing && (
        <form onSubmit={submitKeepingInput(save)} className="w-full space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Edit metadata">
          <h2 className="font-semibold">Edit metadata</h2>
          {errors.summary}
          <div>
            <label htmlFor="description" className="block text-sm font-medium">Description (Markdown)</label>
            <textarea id="description" name="description" rows={4} defaultValue={props.description ?? ''} className={field} {...invalid('description')} />
            {error('description')}
          </div>
          <div>
            <label htmlFor="tags" className="block text-sm font-medium">Tags (comma-separated)</label>
            <input id="tags" name="tags" defaultValue={props.tags.join(', ')} className={field} {...invalid('tags')} />
            {error('tags')}
          </div>
          <div>
            <label htmlFor="notes" className="block text-sm font-medium">Lineage notes</label>
            <input id="notes" name="notes" defaultValue={props.notes} className={field} {...invalid('lineage')} />
            {error('lineage')}
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={pending || !hydrated} aria-busy={pending} className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700 disabled:opacity-50">
              {pending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => setEditing(false)} className="rounded border border-slate-300 px-4 py-2">
              Cancel
            </button>
          </div>
        </form>
      )}
      {props.canDeregister &&
        (confirming ? (
          // Confirmed by typing the version, as the README promises: a misclick cannot deregister.
          <fieldset className="w-full space-y-2 rounded-lg border border-rose-200 bg-rose-50 p-4">
            <legend className="px-1 font-semibold text-rose-900">Deregister {props.modelName} {props.version}</legend>
            <p className="text-sm text-rose-900">It disappears from the catalog and lookups; its page, the audit trail and exports keep a tombstone, and the version number cannot be used again.</p>
            <label htmlFor="deregister-reason" className="block text-sm font-medium">Reason (shown on the tombstone)</label>
            <textarea id="deregister-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} className={field} />
            <label htmlFor="confirm-version" className="block text-sm font-medium">Type the version ({props.version}) to confirm</label>
            <input id="confirm-version" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" className={field} />
            <div className="flex gap-2">
              <button type="button" onClick={deregister} disabled={pending || typed !== props.version} aria-busy={pending} className="rounded bg-rose-700 px-4 py-2 text-white hover:bg-rose-800 disabled:opacity-50">
                Deregister
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 px-4 py-2">
                Cancel
              </button>
            </div>
          </fieldset>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={pending || !hydrated} aria-busy={pending} className="rounded border border-rose-300 px-4 py-2 text-rose-700 hover:bg-rose-50">
            Deregister this version
          </button>
        ))}
    </div>
  );
}

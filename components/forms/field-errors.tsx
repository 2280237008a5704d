'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '@/server/errors/app-error';

/** A field's error key names a part of it ("tags.1", "metrics.auc"): say which part. */
function partName(part: string, items: string[] | undefined): string {
  if (/^\d+$/.test(part)) return items?.[Number(part)] !== undefined ? `“${items[Number(part)]}”` : `item ${Number(part) + 1}`;
  return part;
}

/**
 * The errors of a form, each placed beside the field it belongs to — a part of a field ("tags.1",
 * "metrics.auc", "lineage.commitSha") beside the field that holds it — and listed in a summary at
 * the top that takes focus, so a person on a phone learns of them wherever the button was.
 *
 * `fields` maps each error path the form shows to its label; `ids` the paths whose control has
 * another id. An error no field holds stays in the summary, unplaced but never silent.
 */
export function useFieldErrors(fields: Record<string, string>, ids: Record<string, string> = {}) {
  const [placed, setPlaced] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [shown, setShown] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  /** Shows the errors of one refusal; `items` are the values of list fields, to name a bad one. */
  function show(errors: FieldErrors, formErrors: string[] = [], items: Record<string, string[]> = {}) {
    const byField: Record<string, string[]> = {};
    const unplaced = [...formErrors];
    for (const [key, messages] of Object.entries(errors)) {
      const field = Object.keys(fields)
        .filter((f) => key === f || key.startsWith(`${f}.`))
        .sort((a, b) => b.length - a.length)[0];
      if (!field) {
        unplaced.push(...messages.map((m) => `${key}: ${m}`));
        continue;
      }
      const rest = key.slice(field.length + 1);
      const named = rest ? messages.map((m) => `${rest.split('.').map((p) => partName(p, items[field])).join(' ')}: ${m}`) : messages;
      byField[field] = [...(byField[field] ?? []), ...named];
    }
    setPlaced(byField);
    setGeneral(unplaced);
    if (Object.keys(byField).length + unplaced.length > 0) setShown((n) => n + 1);
  }

  const idOf = (field: string) => ids[field] ?? field;
  const errorId = (field: string) => `${idOf(field)}-error`;

  /** The attributes that tie a control to its error. */
  const describe = (field: string) => (placed[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {});

  /** The error shown under a field, if it has one. */
  const message = (field: string): ReactNode =>
    placed[field] && (
      <p id={errorId(field)} className="text-sm text-rose-700">
        {placed[field].join('; ')}
      </p>
    );

  const count = Object.keys(placed).length + general.length;
  const summary: ReactNode = count > 0 && (
    <section ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title" className="rounded-lg border-2 border-rose-600 bg-white p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-600">
      <h2 id="error-summary-title" className="font-semibold text-rose-800">
        {count === 1 ? 'There is a problem' : `There are ${count} problems`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {Object.entries(placed).map(([field, messages]) => (
          <li key={field}>
            <a
              href={`#${idOf(field)}`}
              className="text-rose-800 underline"
              onClick={(event) => {
                // A fragment link scrolls but does not focus the control: move there for typing.
                event.preventDefault();
                const control = document.getElementById(idOf(field));
                control?.scrollIntoView({ block: 'center' });
                control?.focus();
              }}
            >
              {fields[field]}: {messages.join('; ')}
            </a>
          </li>
        ))}
        {general.map((m) => (
          <li key={m} className="text-rose-800">{m}</li>
        ))}
      </ul>
    </section>
  );

  return { show, clear: () => show({}), describe, message, summary };
}

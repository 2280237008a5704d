import type { z } from 'zod';
import type { FieldErrors } from './app-error';

/** Zod issues as messages per dotted field path; an unknown field is reported under its own name. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): {
  fieldErrors: FieldErrors;
  formErrors: string[];
} {
  // No prototype: a client may send a field named "__proto__", and it must be reported like any other.
  const fieldErrors: FieldErrors = Object.create(null);
  const formErrors: string[] = [];
  const add = (path: PropertyKey[], message: string) => {
    const key = path.map(String).join('.');
    if (!key) formErrors.push(message);
    else fieldErrors[key] = [...(fieldErrors[key] ?? []), message];
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], `unknown field "${key}"`);
    } else {
      add(issue.path, issue.message);
    }
  }
  return { fieldErrors, formErrors };
}

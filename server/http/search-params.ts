import type { z } from 'zod';
import { validationFailed } from '../errors/app-error';
import { fieldErrorsFromIssues } from '../errors/field-errors';
import { refuseNulCharacters } from '../errors/nul-characters';

/** A route's query string checked by its zod schema; a bad one is a per-field 400. */
export function parseSearchParams<T extends z.ZodType>(schema: T, params: URLSearchParams): z.output<T> {
  const input: Record<string, string> = Object.create(null);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) throw validationFailed({ [key]: ['must be given once'] });
    input[key] = values[0]!;
  }
  refuseNulCharacters(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrorsFromIssues(parsed.error.issues).fieldErrors);
  return parsed.data;
}

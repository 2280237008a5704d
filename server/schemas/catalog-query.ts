import { fieldErrorsFromIssues } from '../errors/field-errors';
import { type ListModelsInput, listModelsInput } from './model';

const NUMERIC = new Set(['limit', 'offset']);

export interface CatalogQuery {
  /** The list procedure's input from the parameters that are valid. */
  input: ListModelsInput;
  /** The parameters left out, each with why: one bad parameter drops only itself. */
  dropped: { name: string; value: string; message: string }[];
}

/** The catalog's URL parameters as the list procedure's input (strings become numbers). */
export function catalogQuery(searchParams: Record<string, string | string[] | undefined>): CatalogQuery {
  const known = Object.keys(listModelsInput.shape);
  const raw = Object.fromEntries(
    Object.entries(searchParams)
      .filter(([key, value]) => known.includes(key) && typeof value === 'string' && value !== '')
      .map(([key, value]) => [key, NUMERIC.has(key) ? Number(value) : value]),
  );
  const dropped: CatalogQuery['dropped'] = [];
  // A refusal can involve several parameters (a cursor for another sort): drop what the schema
  // names, and try again until the rest is valid.
  for (let attempt = 0; attempt <= known.length; attempt++) {
    const parsed = listModelsInput.safeParse(raw);
    if (parsed.success) return { input: parsed.data, dropped };
    const { fieldErrors, formErrors } = fieldErrorsFromIssues(parsed.error.issues);
    const names = Object.keys(fieldErrors).map((path) => path.split('.')[0] as string).filter((name) => name in raw);
    if (names.length === 0 || formErrors.length > 0) break;
    for (const name of names) {
      dropped.push({ name, value: String(searchParams[name]), message: fieldErrors[name]?.join('; ') ?? 'is not valid' });
      delete raw[name];
    }
  }
  // Not narrowed to parameters (never so far): show the whole catalog and say each was ignored.
  const ignored = Object.keys(raw).map((name) => ({ name, value: String(searchParams[name]), message: 'is not valid with the others' }));
  return { input: listModelsInput.parse({}), dropped: [...dropped, ...ignored] };
}

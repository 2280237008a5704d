import { listModelsInput } from './model';

const NUMERIC = new Set(['limit', 'offset']);

/** The catalog's URL parameters as the list procedure's input (strings become numbers). */
export function catalogQuery(searchParams: Record<string, string | string[] | undefined>) {
  const known = Object.keys(listModelsInput.shape);
  const raw = Object.fromEntries(
    Object.entries(searchParams)
      .filter(([key, value]) => known.includes(key) && typeof value === 'string' && value !== '')
      .map(([key, value]) => [key, NUMERIC.has(key) ? Number(value) : value]),
  );
  return listModelsInput.safeParse(raw);
}

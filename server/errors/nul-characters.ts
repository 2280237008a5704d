import { validationFailed } from './app-error';

/**
 * Dotted paths of the strings and keys in a value that hold a NUL character, which Postgres text
 * and JSON cannot store: such input is refused as invalid instead of failing in the database.
 */
function nulCharacterPaths(value: unknown, path: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || '(body)'] : [];
  if (depth > 20 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key.includes('\u0000') ? [[...path, key.replaceAll('\u0000', '\\u0000')].join('.')] : nulCharacterPaths(v, [...path, key], depth + 1),
  );
}

/** Refuses (as a per-field 400) input holding a NUL character anywhere. */
export function refuseNulCharacters(input: unknown): void {
  const paths = nulCharacterPaths(input);
  if (paths.length) throw validationFailed(Object.fromEntries(paths.map((p) => [p, ['must not contain the NUL character (\\u0000)']])));
}

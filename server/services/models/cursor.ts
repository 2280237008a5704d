import { z } from 'zod';
import { validationFailed } from '../../errors/app-error';
import { cursorTextSchema, cursorTimestampSchema } from '../../schemas/common';
import { MODEL_SORTS } from '../../schemas/model';

/** The sorts whose key is a timestamp (the others sort by text). */
export const TIMESTAMP_SORTS: ReadonlySet<string> = new Set<(typeof MODEL_SORTS)[number]>(['updated', 'created']);

// A page boundary for keyset pagination: the sort it belongs to and the last row's sort key,
// checked for the type the sort compares, since the key goes back to Postgres as a value.
const cursorSchema = z
  .object({
    sort: z.enum(MODEL_SORTS),
    order: z.enum(['asc', 'desc']),
    value: cursorTextSchema,
    id: z.uuid(),
  })
  .refine((c) => !TIMESTAMP_SORTS.has(c.sort) || cursorTimestampSchema.safeParse(c.value).success);
export type Cursor = z.infer<typeof cursorSchema>;

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(raw: string, expected: Pick<Cursor, 'sort' | 'order'>): Cursor {
  let parsed: Cursor;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw validationFailed({ cursor: ['is not a cursor returned by this API'] });
  }
  if (parsed.sort !== expected.sort || parsed.order !== expected.order) {
    throw validationFailed({ cursor: ['belongs to a different sort order; start again without it'] });
  }
  return parsed;
}

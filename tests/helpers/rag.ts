import { expect } from 'vitest';
import { ragLineSchema, type RagLine } from '../../server/schemas/rag-export';
import { RAG_CURSOR_HEADER } from '../../server/schemas/wire-headers';

export interface RagExportResult {
  status: number;
  lines: RagLine[];
  /** Lines other than the closing `end` line. */
  documents: RagLine[];
  cursor: string | null;
  headers: Headers;
  error?: { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };
}

/** GET /api/v1/export/rag, every line checked against the published line schema. */
export async function ragExport(
  baseUrl: string,
  credentials: { token?: string; cookie?: string },
  query: Record<string, string> = {},
): Promise<RagExportResult> {
  const headers: Record<string, string> = {};
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.cookie) headers.cookie = credentials.cookie;
  const response = await fetch(`${baseUrl}/api/v1/export/rag?${new URLSearchParams(query)}`, {
    headers,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) {
    return { status: response.status, lines: [], documents: [], cursor: null, headers: response.headers, error: JSON.parse(text).error };
  }
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((line) => ragLineSchema.parse(JSON.parse(line)));
  const end = lines.at(-1);
  if (end?.op !== 'end') throw new Error('export did not end with its end line');
  expect(end.cursor).toBe(response.headers.get(RAG_CURSOR_HEADER));
  expect(end.documents).toBe(lines.length - 1);
  return { status: response.status, lines, documents: lines.slice(0, -1), cursor: end.cursor, headers: response.headers };
}

/** The ids of a set of lines by operation, sorted, for whole-set comparisons. */
export const idsOf = (lines: RagLine[], op: 'upsert' | 'delete') =>
  lines
    .filter((l) => l.op === op)
    .map((l) => (l as { versionId: string }).versionId)
    .sort();

import type { ErrorBody } from '@/server/schemas/error';
import type { RagExportQuery, RagLine } from '@/server/schemas/rag-export';
import { RAG_CURSOR_HEADER } from '@/server/schemas/wire-headers';
import { baseUrl, type RegistryClientOptions, requestHeaders } from './connect';
import { retryingFetch } from './retrying-fetch';
import { RegistryHttpError } from './errors';

export interface RagExportStream {
  /** Where the next incremental export starts, known before the first line. */
  cursor: string;
  lines: AsyncGenerator<RagLine>;
}

/**
 * The RAG export as parsed lines, streamed (constant memory). Pass the last cursor as `since` to
 * get only what changed; a stream that ends without its `end` line throws.
 */
export async function exportRag(
  { url, token, retry }: RegistryClientOptions,
  query: RagExportQuery = {},
): Promise<RagExportStream> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const response = await retryingFetch(retry)(`${baseUrl(url)}/api/v1/export/rag?${params}`, { headers: requestHeaders(token) });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: ErrorBody } | null;
    throw new RegistryHttpError(response.status, body?.error ?? null);
  }
  return { cursor: response.headers.get(RAG_CURSOR_HEADER) ?? '', lines: parseLines(response.body) };
}

async function* parseLines(body: ReadableStream<Uint8Array>): AsyncGenerator<RagLine> {
  const decoder = new TextDecoder();
  let buffered = '';
  let ended = false;
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as RagLine;
      ended = line.op === 'end';
      yield line;
    }
  }
  if (!ended) throw new Error('The export stream ended early (no "end" line); run it again from the last cursor');
}

import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import type { ErrorBody } from '../../server/schemas/error';
import { RAG_CURSOR_HEADER, type RagExportQuery, type RagLine } from '../../server/schemas/rag-export';
import { type RetryOptions, retryingFetch } from './retrying-fetch';

export interface RegistryClientOptions {
  /** The portal's base URL, e.g. https://models.example.com */
  url: string;
  /** An API token (`npm run token -- create`). */
  token: string;
  retry?: RetryOptions;
}

const base = (url: string) => url.replace(/\/+$/, '');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A tRPC client typed by the server's router: `client.models.list.query({...})`,
 * `client.models.register.mutate({...})`. Calls made together are batched into one request;
 * 429 and 503 answers are retried after the time the server asks for.
 */
export function createRegistryClient({ url, token, retry }: RegistryClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base(url)}/api/trpc`,
        headers: () => bearer(token),
        fetch: retryingFetch(retry),
        // The server refuses batches of more than 20 calls.
        maxItems: 20,
      }),
    ],
  });
}

/** The client's type, for scripts that pass a client around. @public */
export type RegistryClient = ReturnType<typeof createRegistryClient>;

/** The contract's error object ({ code, message, details, traceId }) of a failed call, if any. */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (error instanceof TRPCClientError) return (error.data as { error?: ErrorBody } | undefined)?.error ?? null;
  if (error instanceof RegistryHttpError) return error.body;
  return null;
}

/**
 * A non-2xx answer of a plain HTTP endpoint (the export), with the contract's error body; scripts
 * test for it with instanceof.
 * @public
 */
export class RegistryHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'RegistryHttpError';
  }
}

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
  const response = await retryingFetch(retry)(`${base(url)}/api/v1/export/rag?${params}`, { headers: bearer(token) });
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

import { authorizeRoute } from '../identity/request-context';
import { ragExportQuery } from '../schemas/rag-export';
import { RAG_CURSOR_HEADER } from '../schemas/wire-headers';
import { planRagExport } from '../services/export/stream';
import type { ApiCall } from './api-route';
import { ndjsonStream } from './ndjson';
import { parseSearchParams } from './search-params';

export const RAG_EXPORT_ROUTE = 'export.rag';

/** `GET /api/v1/export/rag`: the RAG export as NDJSON, streamed batch by batch. */
export async function handleRagExport({ req, correlationId }: ApiCall): Promise<Response> {
  const { ctx, principal } = await authorizeRoute({ req, correlationId }, RAG_EXPORT_ROUTE, planRagExport.access.scope);
  const query = parseSearchParams(ragExportQuery, new URL(req.url).searchParams);
  const plan = await planRagExport({ db: ctx.db, actor: { principal, correlationId } }, query);
  return new Response(await ndjsonStream(plan.batches, { correlationId, route: RAG_EXPORT_ROUTE }), {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      [RAG_CURSOR_HEADER]: plan.cursor,
    },
  });
}

import { authorizeRoute } from '@/server/identity/request-context';
import { apiRoute } from '@/server/http/api-route';
import { ndjsonStream } from '@/server/http/ndjson';
import { parseSearchParams } from '@/server/http/search-params';
import { ragExportQuery } from '@/server/schemas/rag-export';
import { RAG_CURSOR_HEADER } from '@/server/schemas/wire-headers';
import { planRagExport } from '@/server/services/export/stream';

const ROUTE = 'export.rag';

export const GET = apiRoute(ROUTE, async ({ req, correlationId }) => {
  const { ctx, principal } = await authorizeRoute({ req, correlationId }, ROUTE, planRagExport.access.scope);
  const query = parseSearchParams(ragExportQuery, new URL(req.url).searchParams);
  const plan = await planRagExport({ db: ctx.db, actor: { principal, correlationId } }, query);
  return new Response(await ndjsonStream(plan.batches, { correlationId, route: ROUTE }), {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      [RAG_CURSOR_HEADER]: plan.cursor,
    },
  });
});

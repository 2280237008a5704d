import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { appRouter } from '../routers';
import { isProcedure } from '../routers/procedure-meta';
import { createRequestContext } from '../identity/request-context';
import type { ApiCall } from './api-route';

/** The most calls one batched request may carry (clients batch up to this many). */
const MAX_BATCH_SIZE = 20;

export function handleTrpc({ req, correlationId, route }: ApiCall): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createRequestContext({ headers: req.headers, correlationId }),
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta: ({ paths, errors }) => {
      route.name = routeLabel(paths);
      // The body of each error is our formatter's; headers (Retry-After, …) are the response's.
      const first = errors[0] && renderError(errors[0], correlationId);
      return first ? { headers: new Headers(first.headers) } : {};
    },
    onError: ({ error, path }) => logFailure(error, renderError(error, correlationId), { correlationId, route: `trpc:${path ?? 'unknown'}` }),
  });
}

// One label per procedure, one for batches and one for any path that names no procedure, so a
// caller inventing paths cannot create metric series without bound.
function routeLabel(paths: readonly string[] | undefined): string {
  if (!paths?.length || !paths.every(isProcedure)) return 'trpc:unknown';
  return paths.length === 1 ? `trpc:${paths[0]}` : 'trpc:batch';
}

import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logProcedureFailure } from '../observability/procedure-errors';
import { appRouter } from '../routers';
import { isProcedure } from '../routers/procedure-meta';
import { createContext } from '../trpc/context';
import { AppError } from '../errors/app-error';
import type { ApiCall } from './api-route';
import { rateLimitHeaders } from './rate-limit';

/** The most calls one batched request may carry (clients batch up to this many). */
export const MAX_BATCH_SIZE = 20;

export function handleTrpc({ req, correlationId, route }: ApiCall): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, correlationId }),
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta: ({ paths, errors }) => {
      route.name = routeLabel(paths);
      const limited = errors.map((e) => e.cause).find((c) => c instanceof AppError && c.code === 'RATE_LIMITED');
      return limited instanceof AppError ? { headers: new Headers(rateLimitHeaders(limited.details)) } : {};
    },
    onError: logProcedureFailure(correlationId),
  });
}

// One label per procedure, one for batches and one for any path that names no procedure, so a
// caller inventing paths cannot create metric series without bound.
function routeLabel(paths: readonly string[] | undefined): string {
  if (!paths?.length || !paths.every(isProcedure)) return 'trpc:unknown';
  return paths.length === 1 ? `trpc:${paths[0]}` : 'trpc:batch';
}

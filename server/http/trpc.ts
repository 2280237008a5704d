import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logProcedureFailure } from '../observability/procedure-errors';
import { appRouter } from '../routers';
import { createContext } from '../trpc/context';
import type { ApiCall } from './api-route';

export function handleTrpc({ req, correlationId, route }: ApiCall): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, correlationId }),
    responseMeta: ({ paths }) => {
      route.name = paths?.length === 1 ? `trpc:${paths[0]}` : 'trpc:batch';
      return {};
    },
    onError: logProcedureFailure(correlationId),
  });
}

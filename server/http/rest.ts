import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { type RenderedError, errorResponse, renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { appRouter } from '../routers';
import { metaOf } from '../routers/procedure-meta';
import { createContext } from '../trpc/context';
import type { ApiCall } from './api-route';

export const REST_PREFIX = '/api/v1';

/** Serves the procedures that carry OpenAPI metadata as REST under /api/v1. */
export async function handleRest({ req, correlationId, route }: ApiCall): Promise<Response> {
  let failure: RenderedError | undefined;
  const response = await createOpenApiFetchHandler({
    endpoint: REST_PREFIX,
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, correlationId }),
    responseMeta: ({ paths, errors }) => {
      route.name = paths?.[0] ?? 'unmatched';
      return errors.length || !paths?.[0] ? {} : { status: metaOf(paths[0])?.successStatus };
    },
    // The adapter answers errors in its own shape; REST clients get the contract's, rendered
    // from the error itself rather than from the adapter's body.
    onError: ({ error }) => {
      failure = renderError(error, correlationId);
      logFailure(error, failure, { correlationId, route: route.name });
    },
  });
  return response.ok || !failure ? response : errorResponse(failure);
}

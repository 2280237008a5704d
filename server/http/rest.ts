import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { GENERIC_MESSAGE } from '../errors/to-error-body';
import { logProcedureFailure } from '../observability/procedure-errors';
import { appRouter } from '../routers';
import { metaOf } from '../routers/procedure-meta';
import { createContext } from '../trpc/context';
import type { ApiCall } from './api-route';
import { rateLimitHeaders } from './rate-limit';

export const REST_PREFIX = '/api/v1';

/** Serves the procedures that carry OpenAPI metadata as REST under /api/v1. */
export async function handleRest({ req, correlationId, route }: ApiCall): Promise<Response> {
  const response = await createOpenApiFetchHandler({
    endpoint: REST_PREFIX,
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, correlationId }),
    responseMeta: ({ paths, errors }) => {
      route.name = paths?.[0] ?? 'unmatched';
      return errors.length || !paths?.[0] ? {} : { status: metaOf(paths[0])?.successStatus };
    },
    onError: logProcedureFailure(correlationId),
  });
  return response.ok ? response : toRestError(response, correlationId);
}

// The adapter answers errors in its own shape around our formatter's output; REST clients get
// exactly the contract's { error: { code, message, details, traceId } }.
async function toRestError(response: Response, correlationId: string): Promise<Response> {
  const body = (await response.json()) as { data?: { error?: Record<string, unknown> } };
  const error = body.data?.error ?? { code: 'INTERNAL', message: GENERIC_MESSAGE };
  const headers = new Headers(response.headers);
  if (response.status === 401) headers.set('WWW-Authenticate', 'Bearer realm="model-registry"');
  if (error.code === 'RATE_LIMITED') for (const [k, v] of Object.entries(rateLimitHeaders(error.details))) headers.set(k, v);
  return Response.json({ error: { ...error, traceId: correlationId } }, { status: response.status, headers });
}

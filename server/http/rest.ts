import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { GENERIC_MESSAGE } from '../errors/to-error-body';
import { logProcedureFailure } from '../observability/procedure-errors';
import { appRouter } from '../routers';
import { metaOf } from '../routers/procedure-meta';
import { createContext } from '../trpc/context';
import type { ApiCall } from './api-route';
import { errorHeaders } from './json-error';

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
  for (const [k, v] of Object.entries(errorHeaders(String(error.code), error.details))) headers.set(k, v);
  return Response.json({ error: { ...error, traceId: correlationId } }, { status: response.status, headers });
}

import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { validationFailed } from '../errors/app-error';
import { type RenderedError, errorResponse, renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { appRouter } from '../routers';
import { metaOf } from '../routers/procedure-meta';
import { createRequestContext } from '../identity/request-context';
import type { ApiCall } from './api-route';

export const REST_PREFIX = '/api/v1';

// trpc-to-openapi 3.3 collects query parameters in a plain object, so one named like a property
// every object inherits (`?toString=1`) crashes it; no procedure takes such a field.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The request with its path segments percent-decoded: trpc-to-openapi hands path parameters over
 * as sent, so `1.0.0%2Bbuild.7` (what a URL encoder makes of the version 1.0.0+build.7) would not
 * be found. A segment that decodes to something with a "/" stays as sent: it names no resource.
 */
function withDecodedPath(req: Request): Request {
  const url = new URL(req.url);
  const decoded = url.pathname
    .split('/')
    .map((segment) => {
      try {
        const value = decodeURIComponent(segment);
        return value.includes('/') ? segment : value;
      } catch {
        return segment;
      }
    })
    .join('/');
  if (decoded === url.pathname) return req;
  url.pathname = decoded;
  return new Request(url, req);
}

/**
 * A POST or PUT sent with no body at all (`curl -X POST …/rotate-secret`) is read as `{}`: the
 * adapter would refuse it for its missing content type, though the path says everything.
 */
function withEmptyJsonBody(req: Request): Request {
  if (req.method === 'GET' || req.headers.has('content-type') || (req.headers.get('content-length') ?? '0') !== '0') return req;
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  return new Request(req, { headers, body: '{}', duplex: 'half' } as RequestInit);
}

/** Serves the procedures that carry OpenAPI metadata as REST under /api/v1. */
export async function handleRest({ req: received, correlationId, route }: ApiCall): Promise<Response> {
  const req = withEmptyJsonBody(withDecodedPath(received));
  const inherited = [...new URL(req.url).searchParams.keys()].filter((key) => INHERITED.has(key));
  if (inherited.length) throw validationFailed(Object.fromEntries(inherited.map((key) => [key, [`unknown field "${key}"`]])));
  let failure: RenderedError | undefined;
  const response = await createOpenApiFetchHandler({
    endpoint: REST_PREFIX,
    req,
    router: appRouter,
    createContext: () => createRequestContext({ headers: req.headers, correlationId }),
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

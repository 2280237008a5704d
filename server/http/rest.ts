import { AsyncLocalStorage } from 'node:async_hooks';
import { TRPCError } from '@trpc/server';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
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
 * be found. A segment that decodes to something with a "/" or a backslash stays as sent: it names no resource.
 */
function withDecodedPath(req: Request): Request {
  const url = new URL(req.url);
  const decoded = url.pathname
    .split('/')
    .map((segment) => {
      try {
        const value = decodeURIComponent(segment);
        // A backslash too: setting an http URL's path reads it as "/".
        return value.includes('/') || value.includes('\\') ? segment : value;
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

interface RestCall {
  correlationId: string;
  route: ApiCall['route'];
  failure?: RenderedError;
}

// What the handler below needs of the request it serves, which its options cannot be given.
const currentCall = new AsyncLocalStorage<RestCall>();
const call = () => currentCall.getStore()!;

// Built once: trpc-to-openapi's fetch adapter builds a new handler, and with it a table of every
// procedure's path as a regular expression, for every request (a tenth of a REST request's CPU).
const openApiHandler = createOpenApiNodeHttpHandler({
  router: appRouter,
  // Typed for Node's IncomingMessage; what it is given is the fetch Request below.
  createContext: ({ req }) => createRequestContext({ headers: (req as unknown as Request).headers, correlationId: call().correlationId }),
  responseMeta: ({ paths, errors }) => {
    call().route.name = paths?.[0] ?? 'unmatched';
    return errors.length || !paths?.[0] ? {} : { status: metaOf(paths[0])?.successStatus };
  },
  // The adapter answers errors in its own shape; REST clients get the contract's, rendered
  // from the error itself rather than from the adapter's body.
  onError: ({ error }) => {
    const state = call();
    state.failure = renderError(error, state.correlationId);
    logFailure(error, state.failure, { correlationId: state.correlationId, route: state.route.name });
  },
});

/**
 * The request as the handler reads it: its address relative to the REST prefix, and its JSON body
 * parsed beforehand (a body that does not parse is the handler's PARSE_ERROR when it reads it).
 */
async function asHandlerRequest(req: Request): Promise<Request> {
  let body: unknown;
  let parseError: unknown;
  if (req.headers.get('content-type')?.includes('application/json')) {
    try {
      body = JSON.parse(await req.text());
    } catch (error) {
      parseError = error;
    }
  }
  const url = req.url.replace(REST_PREFIX, '');
  return new Proxy(req, {
    get: (target, property) => {
      if (property === 'url') return url;
      if (property === 'body') {
        if (parseError) throw new TRPCError({ code: 'PARSE_ERROR', message: 'Failed to parse request body', cause: parseError });
        return body;
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Serves the procedures that carry OpenAPI metadata as REST under /api/v1. */
export async function handleRest({ req: received, correlationId, route }: ApiCall): Promise<Response> {
  const req = withEmptyJsonBody(withDecodedPath(received));
  const inherited = [...new URL(req.url).searchParams.keys()].filter((key) => INHERITED.has(key));
  if (inherited.length) throw validationFailed(Object.fromEntries(inherited.map((key) => [key, [`unknown field "${key}"`]])));
  const state: RestCall = { correlationId, route };
  const handlerRequest = await asHandlerRequest(req);
  const answer = await currentCall.run(state, () => new Promise<{ status: number; headers: Headers; body: string | undefined }>((resolve, reject) => {
    const headers = new Headers();
    let status = 200;
    const res = {
      setHeader: (name: string, value: string | string[]) => {
        for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      },
      set statusCode(code: number) {
        status = code;
      },
      get statusCode() {
        return status;
      },
      end: (body?: string) => resolve({ status, headers, body }),
    };
    openApiHandler(handlerRequest as never, res as never).catch(reject);
  }));
  if ((answer.status >= 200 && answer.status < 300) || !state.failure) return new Response(answer.body, { status: answer.status, headers: answer.headers });
  return errorResponse(state.failure);
}

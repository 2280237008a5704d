import { errorResponse, renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { observeRequest } from '../observability/requests';
import { withBoundedBody } from './bounded-body';
import { CORRELATION_HEADER, correlationIdOf } from './correlation';
import { consumeRequest } from './rate-limit';

const SESSION_COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token/;

/** Neither a token nor a session: limited per client address instead of per caller. */
const isAnonymous = (req: Request) => !req.headers.get('authorization') && !SESSION_COOKIE.test(req.headers.get('cookie') ?? '');

// The last hop of X-Forwarded-For is the address that reached the server (or its own proxy).
const clientAddress = (req: Request) => req.headers.get('x-forwarded-for')?.split(',').pop()?.trim() || 'unknown';

export interface ApiCall {
  req: Request;
  correlationId: string;
  /** Set by the handler to the matched procedure or route, the label of metrics and logs. */
  route: { name: string };
}

/**
 * Wraps an API route handler once for everything every API answer needs: a correlation id,
 * the body cap, errors rendered as the contract says (the cause of an unexpected one logged),
 * a log line and request metrics.
 */
export function apiRoute(defaultRoute: string, handle: (call: ApiCall) => Promise<Response>) {
  return async (incoming: Request): Promise<Response> => {
    const started = performance.now();
    const correlationId = correlationIdOf(incoming.headers);
    const route = { name: defaultRoute };
    let response: Response;
    try {
      if (isAnonymous(incoming)) await consumeRequest('anonymous', clientAddress(incoming));
      response = await handle({ req: await withBoundedBody(incoming), correlationId, route });
    } catch (error) {
      const rendered = renderError(error, correlationId);
      logFailure(error, rendered, { correlationId, route: route.name });
      response = errorResponse(rendered);
    }
    response.headers.set(CORRELATION_HEADER, correlationId);
    observeRequest({ route: route.name, method: incoming.method, status: response.status, correlationId, started });
    return response;
  };
}

import { errorResponse, renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { observeRequest } from '../observability/requests';
import { withBoundedBody } from './bounded-body';
import { config } from '../config';
import { clientAddress } from '../identity/client-address';
import { CORRELATION_HEADER, correlationIdOf } from '../observability/correlation';
import { presentsCredentials } from '../identity/credentials';
import { consumeRequest } from '../services/rate-limits/consume';

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
      // Neither a token nor a session: limited per client address instead of per caller.
      if (!presentsCredentials(incoming.headers)) await consumeRequest('anonymous', clientAddress(incoming.headers, config.trustProxyHops));
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

import { GENERIC_MESSAGE } from '../errors/to-error-body';
import { AppError } from '../errors/app-error';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { BodyTooLargeError, MAX_BODY_BYTES, withBoundedBody } from './body-limit';
import { CORRELATION_HEADER, correlationIdOf } from './correlation';
import { jsonError } from './json-error';
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
 * the body cap, a generic 500 for anything unexpected, a log line and request metrics.
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
      if (error instanceof AppError) {
        response = jsonError(error.code, error.message, correlationId, error.details);
      } else if (error instanceof BodyTooLargeError) {
        response = jsonError('PAYLOAD_TOO_LARGE', `Request body must be at most ${MAX_BODY_BYTES} bytes`, correlationId);
      } else {
        logger.error({ err: error, correlationId, route: route.name }, 'unhandled error');
        response = jsonError('INTERNAL', GENERIC_MESSAGE, correlationId);
      }
    }
    response.headers.set(CORRELATION_HEADER, correlationId);

    const seconds = (performance.now() - started) / 1000;
    const labels = { route: route.name, method: incoming.method, status: String(response.status) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    logger.info({ ...labels, correlationId, durationMs: Math.round(seconds * 1000) }, 'request');
    return response;
  };
}

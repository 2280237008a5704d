import { logger } from './logger';
import { metrics } from './metrics';

/** Counts, times and logs one answered request (an API call, a server action). */
export function observeRequest(request: { route: string; method: string; status: number; correlationId: string; started: number }) {
  const seconds = (performance.now() - request.started) / 1000;
  const labels = { route: request.route, method: request.method, status: String(request.status) };
  metrics.httpRequests.inc(labels);
  metrics.httpDuration.observe(labels, seconds);
  logger.info({ ...labels, correlationId: request.correlationId, durationMs: Math.round(seconds * 1000) }, 'request');
}

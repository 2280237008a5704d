import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { observeRequest } from '../observability/requests';
import type { ErrorBody } from '../schemas/error';
import { callerForPerson, requestCorrelationId } from '../identity/server-caller';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

type Caller = Awaited<ReturnType<typeof callerForPerson>>;

/**
 * Runs a server action's procedure call as the signed-in person, like an API call: rate limited,
 * counted and logged under `action:<name>` with the request's correlation id, and any error
 * returned in the wire shape (that id as its traceId) instead of thrown.
 */
export async function personAction<T>(name: string, call: (caller: Caller) => Promise<T>): Promise<ActionResult<T>> {
  const started = performance.now();
  const correlationId = await requestCorrelationId();
  const caller = await callerForPerson({ limitEachCall: true });
  const route = `action:${name}`;
  try {
    const data = await call(caller);
    observeRequest({ route, method: 'POST', status: 200, correlationId, started });
    return { ok: true, data };
  } catch (error) {
    unstable_rethrow(error); // Next.js's own redirects and "not found" are not failures
    const rendered = renderError(error, correlationId);
    logFailure(error, rendered, { correlationId, route });
    observeRequest({ route, method: 'POST', status: rendered.status, correlationId, started });
    return { ok: false, error: rendered.body };
  }
}

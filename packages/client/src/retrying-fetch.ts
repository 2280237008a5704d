/** Statuses that mean "not now": the request was not processed and may be sent again. */
const RETRYABLE = new Set([429, 503]);

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Longest wait between attempts, whatever Retry-After says (default 30 s). */
  maxDelayMs?: number;
  /** Called before each wait, e.g. to log it. */
  onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
}

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * A fetch that answers 429 and 503 by waiting (Retry-After when the server gives it, else
 * exponential backoff with jitter) and trying again, up to a bound.
 */
export function retryingFetch(options: RetryOptions = {}, base: typeof fetch = fetch): typeof fetch {
  const { maxRetries = 4, maxDelayMs = 30_000, onRetry } = options;
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const response = await base(input, init);
      if (!RETRYABLE.has(response.status) || attempt >= maxRetries) return response;
      const backoff = 250 * 2 ** attempt * (1 + Math.random());
      const delayMs = Math.min(maxDelayMs, retryAfterMs(response.headers.get('retry-after')) ?? backoff);
      await response.body?.cancel();
      onRetry?.({ attempt: attempt + 1, status: response.status, delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  };
}

import { inject } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape a response has
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP request to the app under test; JSON in and out. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape a response has
export async function api<T = any>(
  path: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${inject('appUrl')}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: response.headers };
}

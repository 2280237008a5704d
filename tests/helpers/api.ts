import { inject } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape a response has
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

type RequestOptions = { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

/** One HTTP request to the app under test; JSON in and out. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape a response has
export function api<T = any>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  return fetchJson<T>(`${inject('appUrl')}${path}`, options);
}

/** One HTTP request to any URL (a server a test started itself); JSON in and out. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape a response has
export async function fetchJson<T = any>(url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: response.headers };
}

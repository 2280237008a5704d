import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { errorResponse, renderError } from '../errors/render';
import { PEER_ADDRESS_HEADER } from '../identity/client-address';
import { CORRELATION_HEADER, correlationIdOf } from '../observability/correlation';
import { logger } from '../observability/logger';
import { apiRoute } from './api-route';
import { API_CONTENT_SECURITY_POLICY, undecodablePath, WRONG_HOST_STATUS, wrongHost } from './request-gate';
import { handleRagExport, RAG_EXPORT_ROUTE } from './rag-export';
import { handleRest, REST_PREFIX } from './rest';
import { STATIC_SECURITY_HEADERS } from './security-headers';
import { handleTrpc } from './trpc';

// The API's door in the portal's own Node server (scripts/serve.ts): tRPC and REST requests go
// straight to the same handlers as their Next.js route handlers (app/api/trpc, app/api/v1), without
// Next.js's routing and proxy, which cost more CPU than most API requests' own work; the RAG export
// too, whose stream Next.js would pass through its own. Pages, sign-in, the export's schema and MCP
// stay with Next.js; on a serverless host the route handlers serve everything.

const trpc = apiRoute('trpc', handleTrpc);
const rest = apiRoute('rest', handleRest);
const ragExport = apiRoute(RAG_EXPORT_ROUTE, handleRagExport);
const RAG_EXPORT_PATH = `${REST_PREFIX}/export/rag`;

// Routes under /api/v1 that are Next.js route handlers of their own, not REST procedures.
const NEXT_ROUTES_UNDER_REST = [`${REST_PREFIX}/export/`, `${REST_PREFIX}/openapi.json`];

// The methods each route handler exports; others (HEAD, OPTIONS) are left to Next.js as before.
const TRPC_METHODS = new Set(['GET', 'POST']);
const REST_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

type Handler = (request: Request) => Promise<Response>;

/** The handler this server answers the request with itself, or null for Next.js. */
export function apiHandlerFor(method: string, pathname: string): Handler | null {
  if (pathname.startsWith('/api/trpc/')) return TRPC_METHODS.has(method) ? trpc : null;
  if (pathname === RAG_EXPORT_PATH) return method === 'GET' ? ragExport : null;
  if (!pathname.startsWith(`${REST_PREFIX}/`) || NEXT_ROUTES_UNDER_REST.some((route) => pathname.startsWith(route))) return null;
  return REST_METHODS.has(method) ? rest : null;
}

/**
 * Answers one API request with `handler`, with what the proxy gives every answer. Never rejects:
 * the handler renders its own errors, and a connection that fails while the answer is written is
 * closed.
 */
export function serveApi(req: IncomingMessage, res: ServerResponse, handler: Handler, url: URL): Promise<void> {
  return answer(req, res, handler, url).catch((error: unknown) => {
    logger.warn({ err: error, route: url.pathname }, 'API answer could not be written');
    res.destroy();
  });
}

async function answer(req: IncomingMessage, res: ServerResponse, handler: Handler, url: URL): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  // The socket's address, whatever the client sent under this name (rate limits, audit records).
  headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress ?? 'unknown');
  const correlationId = correlationIdOf(headers);
  headers.set(CORRELATION_HEADER, correlationId);

  let response: Response;
  const misdirected = wrongHost(headers.get('host'));
  const undecodable = undecodablePath(url.pathname);
  if (misdirected) {
    response = errorResponse({ ...renderError(misdirected, correlationId), status: WRONG_HOST_STATUS });
  } else if (undecodable) {
    response = errorResponse(renderError(undecodable, correlationId));
  } else {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
    response = await handler(new Request(url, { method: req.method, headers, body, duplex: 'half' } as RequestInit));
  }

  res.statusCode = response.status;
  // A body left unread (refused as too large, say) would stall the next request on this
  // keep-alive connection behind its remaining bytes: close the connection instead.
  if (!req.complete) res.shouldKeepAlive = false;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.setHeader(CORRELATION_HEADER, correlationId);
  res.setHeader('content-security-policy', API_CONTENT_SECURITY_POLICY);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  if (!response.body) return void res.end();
  // At the client's pace (a long export holds about one batch), and stopped if the client leaves.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res);
}

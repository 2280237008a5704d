import { type NextRequest, NextResponse } from 'next/server';
import { config as appConfig } from './server/config';
import { renderError } from './server/errors/render';
import { API_CONTENT_SECURITY_POLICY, isApiPath, undecodablePath, WRONG_HOST_STATUS, wrongHost } from './server/http/request-gate';
import { CORRELATION_HEADER, correlationIdOf } from './server/observability/correlation';
import { REQUEST_PATH_HEADER } from './server/identity/request-path';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from './server/http/security-headers';

const { production } = appConfig;
const https = appConfig.publicUrl.startsWith('https:');

/**
 * Runs before every request: refuses requests for another host in production (DNS rebinding),
 * gives every response a correlation id and the security headers, and pages a CSP nonce.
 */
export function proxy(request: NextRequest) {
  const correlationId = correlationIdOf(request.headers);
  const misdirected = wrongHost(request.headers.get('host'));
  if (misdirected) {
    const refused = renderError(misdirected, correlationId);
    return NextResponse.json({ error: refused.body }, { status: WRONG_HOST_STATUS, headers: { [CORRELATION_HEADER]: correlationId, ...STATIC_SECURITY_HEADERS } });
  }
  const undecodable = undecodablePath(request.nextUrl.pathname);
  if (undecodable) {
    if (request.nextUrl.pathname.startsWith('/api/')) {
      const refused = renderError(undecodable, correlationId);
      return NextResponse.json({ error: refused.body }, { status: refused.status, headers: { [CORRELATION_HEADER]: correlationId, ...STATIC_SECURITY_HEADERS } });
    }
    // (A rewrite to the 404 page would come back through this proxy under another host name.)
    return new NextResponse('Not found: the address is not valid percent-encoding', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', [CORRELATION_HEADER]: correlationId, ...STATIC_SECURITY_HEADERS },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = isApiPath(request.nextUrl.pathname) ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy(nonce, { dev: !production, https });
  const headers = new Headers(request.headers);
  headers.set(CORRELATION_HEADER, correlationId);
  headers.set('x-nonce', nonce);
  // The page asked for, so that sign-in can return to it (set here, never taken from the client).
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CORRELATION_HEADER, correlationId);
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };

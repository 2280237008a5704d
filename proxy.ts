import { type NextRequest, NextResponse } from 'next/server';
import { CORRELATION_HEADER, correlationIdOf } from './server/http/correlation';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from './server/http/security-headers';

const production = process.env.NODE_ENV === 'production';
const publicUrl = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : null;

/**
 * Runs before every request: refuses requests for another host in production (DNS rebinding),
 * gives every response a correlation id and the security headers, and pages a CSP nonce.
 */
export function proxy(request: NextRequest) {
  const correlationId = correlationIdOf(request.headers);
  if (production && publicUrl && request.headers.get('host') !== publicUrl.host) {
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: `This server answers only for ${publicUrl.host}`, traceId: correlationId } },
      { status: 421, headers: { [CORRELATION_HEADER]: correlationId, ...STATIC_SECURITY_HEADERS } },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: !production, https: publicUrl?.protocol === 'https:' });
  const headers = new Headers(request.headers);
  headers.set(CORRELATION_HEADER, correlationId);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CORRELATION_HEADER, correlationId);
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };

import { type NextRequest, NextResponse } from 'next/server';
import { CORRELATION_HEADER, correlationIdOf } from './server/http/correlation';

// Every response, pages included, carries a correlation id; route handlers read the same one.
export function proxy(request: NextRequest) {
  const correlationId = correlationIdOf(request.headers);
  const headers = new Headers(request.headers);
  headers.set(CORRELATION_HEADER, correlationId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CORRELATION_HEADER, correlationId);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };

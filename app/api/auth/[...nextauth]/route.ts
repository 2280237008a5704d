import NextAuth from 'next-auth';
import { unstable_rethrow } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { notFound } from '@/server/errors/app-error';
import { errorResponse, renderError } from '@/server/errors/render';
import { authOptions } from '@/server/identity/next-auth';
import { config } from '@/server/config';
import { clientAddress } from '@/server/identity/client-address';
import { CORRELATION_HEADER, correlationIdOf } from '@/server/observability/correlation';
import { consumeRequest } from '@/server/services/rate-limits/consume';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Sign-in, callbacks and sign-out take from the client address's allowance, as any request
// without identity does: failed callbacks cannot be repeated without limit.
async function handler(req: NextRequest, context: RouteContext) {
  const correlationId = correlationIdOf(req.headers);
  try {
    await consumeRequest('anonymous', clientAddress(req.headers, config.trustProxyHops));
    const options = authOptions();
    if (!options) throw notFound('Sign-in (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to configure it)');
    return await NextAuth(options)(req, { params: await context.params });
  } catch (error) {
    unstable_rethrow(error);
    const response = errorResponse(renderError(error, correlationId));
    response.headers.set(CORRELATION_HEADER, correlationId);
    return response;
  }
}

export { handler as GET, handler as POST };

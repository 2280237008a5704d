import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { notFound } from '@/server/errors/app-error';
import { errorResponse, renderError } from '@/server/errors/render';
import { authOptions } from '@/server/auth/next-auth';
import { correlationIdOf } from '@/server/http/correlation';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: RouteContext) {
  const options = authOptions();
  if (!options) {
    const refused = notFound('Sign-in (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to configure it)');
    return errorResponse(renderError(refused, correlationIdOf(req.headers)));
  }
  return NextAuth(options)(req, { params: await context.params });
}

export { handler as GET, handler as POST };

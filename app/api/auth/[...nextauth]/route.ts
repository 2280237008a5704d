import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth';
import { jsonError } from '@/server/http/json-error';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext) {
  const options = authOptions();
  if (!options) return jsonError('NOT_FOUND', 'Sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET', 'auth');
  return NextAuth(options)(req, { params: await context.params });
}

export { handler as GET, handler as POST };

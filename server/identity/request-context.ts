// Next.js's own cookie parser (what `cookies()` from next/headers returns), which also works
// outside a Next.js request: the API's door in the Node server has none.
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { config } from '../config';
import { clientAddress } from './client-address';
import { unsupportedClient } from './client-version';
import { presentsCredentials } from './credentials';
import { consumeForPrincipal, consumeRequest } from '../services/rate-limits/consume';
import { getConnection } from '../db';
import type { Principal, TokenScope } from '../auth/principal';
import { authenticateToken } from '../services/tokens/authenticate';
import type { Context } from '../trpc/context';
import { recordRefusal } from '../trpc/refusals';
import { sessionPrincipal } from './session';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

interface Credentials {
  authorization: string | null;
  cookies: { getAll(): { name: string; value: string }[] };
  presented: boolean;
}

/** Who is calling: the bearer token's principal, or the signed-in person's. */
async function principalOf(ctx: Context, credentials: Credentials): Promise<Principal> {
  if (!credentials.authorization) {
    const person = await sessionPrincipal(ctx.db, credentials.cookies);
    if (person) return person;
    throw unauthenticated('Missing credentials: sign in, or send "Authorization: Bearer <token>"');
  }
  const token = BEARER.exec(credentials.authorization)?.[1];
  if (!token) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
  return authenticateToken(ctx.db, token);
}

async function authenticateOnce(ctx: Context, credentials: Credentials, operation: string): Promise<Principal> {
  try {
    return await principalOf(ctx, credentials);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await recordRefusal(ctx, null, operation, error);
    // Credentials that fail take from the address's allowance, like no credentials at all (those
    // were counted at the door): past it, the answer is 429 rather than another lookup.
    if (credentials.presented) await consumeRequest('anonymous', ctx.clientAddress);
    throw error;
  }
}

/**
 * The context of a request over HTTP (tRPC, REST, export, MCP alike). Its credentials are
 * resolved once however many calls it carries — a batch of 20 calls with a bad token is one
 * refusal — and every call takes from the caller's rate allowance.
 */
export async function createRequestContext(opts: { headers: Headers; correlationId: string }): Promise<Context> {
  const connection = await getConnection();
  const credentials: Credentials = {
    authorization: opts.headers.get('authorization'),
    cookies: new RequestCookies(opts.headers),
    presented: presentsCredentials(opts.headers),
  };
  let resolved: Promise<Principal> | undefined;
  const refusedClient = unsupportedClient(opts.headers);
  const ctx: Context = {
    db: connection.db,
    driver: connection.driver,
    correlationId: opts.correlationId,
    clientAddress: clientAddress(opts.headers, config.trustProxyHops),
    idempotencyKey: opts.headers.get('idempotency-key') ?? undefined,
    authenticate: async (operation) => {
      if (refusedClient) throw refusedClient;
      resolved ??= authenticateOnce(ctx, credentials, operation);
      const principal = await resolved;
      await consumeForPrincipal(principal);
      return principal;
    },
  };
  return ctx;
}

/** For route handlers outside tRPC (export, MCP): the context and its caller, holding the scope. */
export async function authorizeRoute(call: { req: Request; correlationId: string }, operation: string, scope: TokenScope) {
  const ctx = await createRequestContext({ headers: call.req.headers, correlationId: call.correlationId });
  const principal = await ctx.authenticate!(operation);
  if (!principal.scopes.includes(scope)) {
    const error = forbidden(`This needs the "${scope}" scope, which these credentials lack`);
    await recordRefusal(ctx, principal, operation, error);
    throw error;
  }
  return { ctx, principal };
}

import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { consumeForPrincipal, consumeRequest } from '../http/rate-limit';
import { recordDenial } from '../services/audit/denials';
import { authenticateToken } from '../services/tokens/authenticate';
import { type Context, createContext } from '../trpc/context';
import type { Principal, TokenScope } from './principal';
import { sessionPrincipal } from './session';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who is calling: the bearer token's principal, or the signed-in person's. */
async function principalOf(ctx: Context): Promise<Principal> {
  if (!ctx.authorization) {
    const person = ctx.cookies && (await sessionPrincipal(ctx.db, ctx.cookies));
    if (person) return person;
    throw unauthenticated('Missing credentials: sign in, or send "Authorization: Bearer <token>"');
  }
  const token = BEARER.exec(ctx.authorization)?.[1];
  if (!token) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
  return authenticateToken(ctx.db, token);
}

/** A refusal of this request, counted towards its minute's audit record (one place for all). */
export const recordRefusal = (ctx: Context, principal: Principal | null, operation: string, error: AppError) =>
  recordDenial(ctx.db, {
    action: 'access.denied',
    principal,
    clientAddress: ctx.clientAddress,
    operation,
    code: error.code,
    reason: error.message,
    correlationId: ctx.correlationId,
  });

async function authenticateOnce(ctx: Context, operation: string): Promise<Principal> {
  try {
    return await principalOf(ctx);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await recordRefusal(ctx, null, operation, error);
    // Credentials that fail take from the address's allowance, like no credentials at all (those
    // were counted at the door): past it, the answer is 429 rather than another lookup.
    if (ctx.presentsCredentials) await consumeRequest('anonymous', ctx.clientAddress);
    throw error;
  }
}

/**
 * Authenticates a request over HTTP (tRPC, REST, export, MCP alike), once however many calls it
 * carries; every call counts against the caller's rate limit.
 */
export async function authenticateRequest(ctx: Context, operation: string): Promise<Principal> {
  ctx.authentication.principal ??= authenticateOnce(ctx, operation);
  const principal = await ctx.authentication.principal;
  await consumeForPrincipal(principal);
  return principal;
}

/** Refuses (and records) a caller whose credentials lack the scope. */
export async function requireScope(ctx: Context, principal: Principal, scope: TokenScope, operation: string): Promise<void> {
  if (principal.scopes.includes(scope)) return;
  const error = forbidden(`This needs the "${scope}" scope, which these credentials lack`);
  await recordRefusal(ctx, principal, operation, error);
  throw error;
}

/** For route handlers outside tRPC (export, MCP): the context and its caller, holding the scope. */
export async function authorizeRoute(call: { req: Request; correlationId: string }, operation: string, scope: TokenScope) {
  const ctx = await createContext({ headers: call.req.headers, correlationId: call.correlationId });
  const principal = await authenticateRequest(ctx, operation);
  await requireScope(ctx, principal, scope, operation);
  return { ctx, principal };
}

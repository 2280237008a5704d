import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { consumeForPrincipal } from '../http/rate-limit';
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

/**
 * Authenticates a request over HTTP (tRPC, REST, export, MCP alike): refusals are recorded in
 * the audit trail, and every call counts against the caller's rate limit.
 */
export async function authenticateRequest(ctx: Context, operation: string): Promise<Principal> {
  const principal = await principalOf(ctx).catch(async (error: unknown) => {
    if (error instanceof AppError) {
      await recordDenial(ctx.db, null, { correlationId: ctx.correlationId, procedure: operation, code: error.code, reason: error.message });
    }
    throw error;
  });
  await consumeForPrincipal(principal);
  return principal;
}

/** Refuses (and records) a caller whose credentials lack the scope. */
export async function requireScope(ctx: Context, principal: Principal, scope: TokenScope, operation: string): Promise<void> {
  if (principal.scopes.includes(scope)) return;
  const error = forbidden(`This needs the "${scope}" scope, which these credentials lack`);
  await recordDenial(ctx.db, principal, { correlationId: ctx.correlationId, procedure: operation, code: error.code, reason: error.message });
  throw error;
}

/** For route handlers outside tRPC (export, MCP): the context and its caller, holding the scope. */
export async function authorizeRoute(call: { req: Request; correlationId: string }, operation: string, scope: TokenScope) {
  const ctx = await createContext({ headers: call.req.headers, correlationId: call.correlationId });
  const principal = await authenticateRequest(ctx, operation);
  await requireScope(ctx, principal, scope, operation);
  return { ctx, principal };
}

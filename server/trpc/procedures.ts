import { sessionPrincipal } from '../auth/session';
import { authenticateToken } from '../services/tokens/authenticate';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { recordDenial } from '../services/audit/denials';
import type { Actor, Principal, TeamRole, TokenScope } from '../auth/principal';
import { consumeForPrincipal } from '../http/rate-limit';
import type { Context } from './context';
import { baseProcedure } from './init';

export const publicProcedure = baseProcedure.meta({ access: null });

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

// In-process callers (server components acting for a person) set the principal themselves;
// requests over HTTP are authenticated here and count against the caller's rate limit.
export const authedProcedure = baseProcedure.use(async ({ ctx, path, next }) => {
  if (ctx.principal) return next({ ctx: { principal: ctx.principal } });
  const principal = await principalOf(ctx).catch(async (error: unknown) => {
    if (error instanceof AppError) {
      await recordDenial(ctx.db, null, { correlationId: ctx.correlationId, procedure: path, code: error.code, reason: error.message });
    }
    throw error;
  });
  await consumeForPrincipal(principal);
  return next({ ctx: { principal } });
});

/**
 * A procedure open to callers holding the scope; `role` is the least role the service demands on
 * the team the call touches (checked there, once the team is known).
 */
export const guardedProcedure = (access: { scope: TokenScope; role: TeamRole }) =>
  authedProcedure.meta({ access }).use(async ({ ctx, path, next }) => {
    const deny = (reason: string) =>
      recordDenial(ctx.db, ctx.principal, { correlationId: ctx.correlationId, procedure: path, code: 'FORBIDDEN', reason });
    if (!ctx.principal.scopes.includes(access.scope)) {
      const error = forbidden(`This needs the "${access.scope}" scope, which these credentials lack`);
      await deny(error.message);
      throw error;
    }
    const actor: Actor = { principal: ctx.principal, requiredRole: access.role, correlationId: ctx.correlationId };
    const result = await next({ ctx: { actor } });
    // Role checks happen in services once the team is known; their refusals are recorded here.
    if (!result.ok && result.error.cause instanceof AppError && result.error.cause.code === 'FORBIDDEN') {
      await deny(result.error.cause.message);
    }
    return result;
  });

export const readProcedure = guardedProcedure({ scope: 'read', role: 'viewer' });

export const adminProcedure = readProcedure.meta({ adminOnly: true }).use(({ ctx, next }) => {
  if (!ctx.actor.principal.isAdmin) throw forbidden('Only platform admins may do this');
  return next();
});

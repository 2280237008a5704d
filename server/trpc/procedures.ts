import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { consumeForPrincipal } from '../services/rate-limits/consume';
import type { Actor, Principal } from '../auth/principal';
import type { Access, ServiceContext } from '../services/operation';
import { baseProcedure } from './init';
import { recordRefusal } from './refusals';

export const publicProcedure = baseProcedure.meta({ access: null });

const authedProcedure = baseProcedure.use(async ({ ctx, path, next }) => {
  if (ctx.principal) {
    if (ctx.limitEachCall) await consumeForPrincipal(ctx.principal);
    return next({ ctx: { principal: ctx.principal } });
  }
  if (!ctx.authenticate) throw unauthenticated('Missing credentials');
  return next({ ctx: { principal: await ctx.authenticate(path) } });
});

/**
 * A procedure open to callers holding the operation's scope; the operation checks its role on
 * the team the call touches, once the team is known. Gives the operation its ServiceContext.
 */
export const guardedProcedure = (access: Access) =>
  authedProcedure.meta({ access }).use(async ({ ctx, path, next }) => {
    if (!ctx.principal.scopes.includes(access.scope)) {
      const refused = forbidden(`This needs the "${access.scope}" scope, which these credentials lack`);
      await recordRefusal(ctx, ctx.principal, path, refused);
      throw refused;
    }
    const actor: Actor = { principal: ctx.principal, correlationId: ctx.correlationId };
    const service: ServiceContext = { db: ctx.db, actor };
    const result = await next({ ctx: { actor, service } });
    // Role checks happen in services once the team is known; their refusals are recorded here.
    if (!result.ok && result.error.cause instanceof AppError && result.error.cause.code === 'FORBIDDEN') {
      await recordRefusal(ctx, ctx.principal, path, result.error.cause);
    }
    return result;
  });

/** Token management: a person decides which credentials exist, never a credential itself. */
export const personProcedure = (access: Access) =>
  guardedProcedure(access)
    .meta({ peopleOnly: true })
    .use(({ ctx, next }) => {
      if (ctx.actor.principal.kind !== 'user') throw forbidden('Only a signed-in person may manage API tokens, not a token');
      return next();
    });

function assertAdmin(principal: Principal) {
  if (!principal.isAdmin) throw forbidden('Only platform admins may do this');
}

/** Platform administration: admins only, whatever their teams. */
export const adminProcedure = (access: Access) =>
  guardedProcedure(access)
    .meta({ adminOnly: true })
    .use(({ ctx, next }) => {
      assertAdmin(ctx.actor.principal);
      return next();
    });

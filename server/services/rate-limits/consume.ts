import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimits } from '@/db/schema';
import type { Principal } from '../../auth/principal';
import { config } from '../../config';
import { getDb } from '../../db';
import { AppError } from '../../errors/app-error';

type Kind = 'token' | 'user' | 'anonymous';

// Counts live in Postgres (the rate_limits table), so every instance of the app shares them.
const limiters = new Map<Kind, Promise<RateLimiterDrizzle>>();

function limiterFor(kind: Kind): Promise<RateLimiterDrizzle> {
  let limiter = limiters.get(kind);
  if (!limiter) {
    const points = config.rateLimits[kind];
    limiter = getDb().then(
      (db) =>
        new RateLimiterDrizzle({
          storeClient: db,
          schema: rateLimits,
          keyPrefix: kind,
          points,
          duration: 60,
          // While the database is unreachable, count in this process rather than fail every request.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: kind, points, duration: 60 }),
        }),
    );
    limiters.set(kind, limiter);
  }
  return limiter;
}

/** Takes one request from the caller's allowance; over it, a RATE_LIMITED error says when to retry. */
export async function consumeRequest(kind: Kind, id: string): Promise<void> {
  const limiter = await limiterFor(kind);
  try {
    await limiter.consume(id);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, {
      limit: limiter.points,
      retryAfterSeconds,
    });
  }
}

export const consumeForPrincipal = (principal: Principal) =>
  consumeRequest(principal.kind === 'token' ? 'token' : 'user', principal.id);

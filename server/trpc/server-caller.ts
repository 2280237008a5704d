import 'server-only';
import { headers } from 'next/headers';
import { getConnection } from '@/db/client';
import { requirePerson } from '../auth/current';
import { appRouter } from '../routers';
import type { Principal } from '../auth/principal';
import type { Context } from './context';
import { createCallerFactory } from './init';

const createCaller = createCallerFactory(appRouter);

/** The procedures, called in-process for a principal already authenticated (MCP tools). */
export const callerFor = (ctx: Context, principal: Principal) => createCaller({ ...ctx, principal });

/** The procedures, called from server components and actions as the signed-in person. */
export async function callerForPerson() {
  const connection = await getConnection();
  return createCaller({
    db: connection.db,
    driver: connection.driver,
    correlationId: (await headers()).get('x-correlation-id') ?? crypto.randomUUID(),
    authorization: null,
    principal: await requirePerson(),
  });
}

import 'server-only';
import { headers } from 'next/headers';
import { getConnection } from '@/server/db';
import { requirePerson } from './current';
import { config } from '../config';
import { clientAddress } from './client-address';
import { CORRELATION_HEADER } from '../observability/correlation';
import { appRouter } from '../routers';
import type { Principal } from '../auth/principal';
import { type Context, inProcessContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';

const createCaller = createCallerFactory(appRouter);

/** The procedures, called in-process for a principal already authenticated (MCP tools): each call is rate limited. */
export const callerFor = (ctx: Context, principal: Principal) => createCaller({ ...ctx, principal, limitEachCall: true });

/** The correlation id the proxy gave this request (server components and actions). */
export const requestCorrelationId = async () => (await headers()).get(CORRELATION_HEADER) ?? crypto.randomUUID();

/**
 * The procedures, called from server components and actions as the signed-in person. Actions
 * pass `limitEachCall`, so forms take from the person's allowance like API calls.
 */
export async function callerForPerson(options: { limitEachCall?: boolean } = {}) {
  const connection = await getConnection();
  const headerList = await headers();
  return createCaller(
    inProcessContext({
      db: connection.db,
      driver: connection.driver,
      correlationId: await requestCorrelationId(),
      clientAddress: clientAddress(headerList, config.trustProxyHops),
      principal: await requirePerson(),
      limitEachCall: options.limitEachCall,
    }),
  );
}

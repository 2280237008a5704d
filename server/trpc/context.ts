import { cookies } from 'next/headers';
import { type Database } from '@/db/client';
import { getConnection } from '@/server/db';
import type { Principal } from '../auth/principal';
import { env } from '../env';
import { clientAddress } from '../http/client-address';
import { presentsCredentials } from '../http/credentials';

export interface Context {
  db: Database;
  driver: string;
  correlationId: string;
  /** The address limits and refusals are kept under (see server/http/client-address.ts). */
  clientAddress: string;
  /** The raw Authorization header; resolved into a principal only by procedures that need one. */
  authorization: string | null;
  /** The request's cookies, for a signed-in person's session. */
  cookies?: { getAll(): { name: string; value: string }[] };
  /** Whether the request came with a token or session cookie at all, valid or not. */
  presentsCredentials: boolean;
  /**
   * The request's authentication, shared by every call of a tRPC batch: a batch of 20 calls with
   * a bad token is one refusal, not 20.
   */
  authentication: { principal?: Promise<Principal> };
  /** Set directly by trusted in-process callers (tests, server components, actions, MCP tools). */
  principal?: Principal;
  /**
   * For in-process callers acting on a request (server actions, MCP tool calls): each procedure
   * call takes from the principal's rate allowance, as an API call does.
   */
  limitEachCall?: boolean;
}

export async function createContext(opts: { headers: Headers; correlationId: string }): Promise<Context> {
  const connection = await getConnection();
  return {
    db: connection.db,
    driver: connection.driver,
    correlationId: opts.correlationId,
    clientAddress: clientAddress(opts.headers, env.TRUST_PROXY_HOPS),
    authorization: opts.headers.get('authorization'),
    cookies: await cookies(),
    presentsCredentials: presentsCredentials(opts.headers),
    authentication: {},
  };
}

/** The context of a caller already authenticated in this process (server components, actions, MCP tools, tests). */
export const inProcessContext = (
  fields: Pick<Context, 'db' | 'driver' | 'correlationId'> & Partial<Pick<Context, 'principal' | 'clientAddress' | 'limitEachCall'>>,
): Context => ({ clientAddress: 'in-process', authorization: null, presentsCredentials: false, authentication: {}, ...fields });

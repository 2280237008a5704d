import { cookies } from 'next/headers';
import { getConnection, type Database } from '@/db/client';
import type { Principal } from '../auth/principal';

export interface Context {
  db: Database;
  driver: string;
  correlationId: string;
  /** The raw Authorization header; resolved into a principal only by procedures that need one. */
  authorization: string | null;
  /** The request's cookies, for a signed-in person's session. */
  cookies?: { getAll(): { name: string; value: string }[] };
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
    authorization: opts.headers.get('authorization'),
    cookies: await cookies(),
  };
}

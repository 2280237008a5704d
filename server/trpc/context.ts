import type { Database } from '@/db/client';
import type { Principal } from '../auth/principal';

/**
 * What every procedure gets. Who calls is known one of two ways: a trusted in-process caller
 * sets `principal` (server components, actions, MCP tools, tests); a request over HTTP brings
 * `authenticate`, from the identity layer (server/identity/request-context.ts), which resolves its
 * credentials once per request and takes from the caller's rate allowance at each call.
 */
export interface Context {
  db: Database;
  driver: string;
  correlationId: string;
  /** The address limits and refusals are kept under (see server/http/client-address.ts). */
  clientAddress: string;
  authenticate?: (operation: string) => Promise<Principal>;
  principal?: Principal;
  /**
   * For in-process callers acting on a request (server actions, MCP tool calls): each procedure
   * call takes from the principal's rate allowance, as an API call does.
   */
  limitEachCall?: boolean;
  /** The request's Idempotency-Key header, for operations that honour one (deploy, rollback). */
  idempotencyKey?: string;
}

/** The context of a caller already authenticated in this process. */
export const inProcessContext = (
  fields: Pick<Context, 'db' | 'driver' | 'correlationId'> & Partial<Pick<Context, 'principal' | 'clientAddress' | 'limitEachCall'>>,
): Context => ({ clientAddress: 'in-process', ...fields });

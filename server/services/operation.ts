import type { Database } from '@/db/client';
import type { Actor, TeamRole, TokenScope } from '../auth/principal';

/** What an operation demands of its caller: a credential scope, and a role on the team it touches. */
export interface Access {
  scope: TokenScope;
  /** The least team role, checked by the operation once it knows the team. */
  role: TeamRole;
}

/** What every operation is given: the database (or the transaction) and who acts. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
}

/** An operation of the registry: one shape for all, its access declared beside its rules. */
export type Operation<Input, Output> = ((ctx: ServiceContext, input: Input) => Promise<Output>) & { readonly access: Access };

/**
 * Declares an operation. Its procedure guards with `op.access`, so the document, the guard and
 * the rule the operation applies read one constant and cannot disagree.
 */
export const operation = <Input, Output>(access: Access, run: (ctx: ServiceContext, input: Input) => Promise<Output>): Operation<Input, Output> =>
  Object.assign(run, { access });

/** Reading a team's registry: any credential with the read scope, any role. */
export const READ: Access = { scope: 'read', role: 'viewer' };

import type { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { recordDenial } from '../services/audit/denials';
import type { Context } from './context';

/**
 * The one way a refusal (401, 403) of a request is recorded: counted towards its minute's audit
 * record for the caller's address, identity, operation and code.
 */
export const recordRefusal = (ctx: Pick<Context, 'db' | 'clientAddress' | 'correlationId'>, principal: Principal | null, operation: string, error: AppError) =>
  recordDenial(ctx.db, {
    action: 'access.denied',
    principal,
    clientAddress: ctx.clientAddress,
    operation,
    code: error.code,
    reason: error.message,
    correlationId: ctx.correlationId,
  });

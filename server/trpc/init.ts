import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { AppError } from '../errors/app-error';
import { refuseNulCharacters } from '../errors/nul-characters';
import { ERROR_CODE_TRANSPORT } from '../errors/codes';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { GENERIC_MESSAGE, renderError } from '../errors/render';
import { logger } from '../observability/logger';
import type { ErrorBody } from '../schemas/error';
import type { TeamRole, TokenScope } from '../auth/principal';
import type { Context } from './context';

export interface ProcedureMeta extends OpenApiMeta {
  /** What the procedure demands of its caller; null for public procedures. */
  access?: { scope: TokenScope; role: TeamRole } | null;
  /** Open to platform admins only (checked in the procedure). */
  adminOnly?: boolean;
  /** Open to signed-in people only, whatever a token's scopes and role (token management). */
  peopleOnly?: boolean;
  /** HTTP status of a successful REST answer when it is not 200. */
  successStatus?: 201 | 202 | 204;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // tRPC clients find the same error object under data.error that REST returns under "error".
    errorFormatter({ shape, error, ctx }) {
      const body = safeErrorBody(error, ctx?.correlationId ?? 'unknown');
      return {
        code: shape.code,
        message: body.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, error: body },
      };
    },
  });

// A formatter that throws leaves the REST adapter's request hanging, so it must not.
function safeErrorBody(error: TRPCError, traceId: string): ErrorBody {
  try {
    return renderError(error, traceId).body;
  } catch (formatError) {
    logger.error({ err: formatError, cause: error, correlationId: traceId }, 'error formatting failed');
    return { code: 'INTERNAL', message: GENERIC_MESSAGE, traceId };
  }
}

// Services throw AppError, and a database that cannot be reached throws the driver's error: this
// gives each the matching tRPC code, and so the HTTP status (503, not 500, for the latter).
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { cause } = result.error;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: ERROR_CODE_TRANSPORT[cause.code].trpc, message: cause.message, cause });
  }
  if (isDatabaseUnavailable(cause)) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable', cause });
  return result;
});

// Checked for every procedure before its own schema: no field may hold a NUL character.
const nulCharactersRefused = t.middleware(async ({ getRawInput, next }) => {
  refuseNulCharacters(await getRawInput());
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure.use(mapAppErrors).use(nulCharactersRefused);

import type { TRPCError } from '@trpc/server';
import { logger } from './logger';

/** Logs unexpected procedure failures with their cause; callers only ever see a generic 500. */
export const logProcedureFailure =
  (correlationId: string) =>
  ({ error, path }: { error: TRPCError; path?: string }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      logger.error({ err: error.cause ?? error, correlationId, path }, 'procedure failed');
    }
  };

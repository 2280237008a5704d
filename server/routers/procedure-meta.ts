import type { ProcedureMeta } from '../trpc/init';
import { appRouter } from './index';

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: 'query' | 'mutation' | 'subscription' } }>;

/** Each procedure's path (e.g. "models.register") with the metadata it declared. */
export const procedureMetas = (): [string, ProcedureMeta | undefined][] =>
  Object.entries(procedures).map(([path, procedure]) => [path, procedure._def.meta]);

export const metaOf = (path: string): ProcedureMeta | undefined => procedures[path]?._def.meta;

export const procedureType = (path: string) => procedures[path]?._def.type;

/** Whether a path names a procedure: unknown paths must not become metric labels of their own. */
export const isProcedure = (path: string): boolean => Object.hasOwn(procedures, path);

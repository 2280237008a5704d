// The model registry's typed client for scripts and pipelines: the tRPC client, its errors, the
// RAG export reader and the retrying fetch they share. Schemas are in the `/schemas` entry.
export { createRegistryClient, type RegistryClient } from './client';
export type { RegistryClientOptions } from './connect';
export { errorBodyOf, RegistryHttpError } from './errors';
export { exportRag, type RagExportStream } from './export-reader';
export { type RetryOptions, retryingFetch } from './retrying-fetch';
export { CLIENT_VERSION } from './version';
export type { ErrorBody, ErrorCode } from '@/server/schemas/error';
export type { AppRouter } from '@/server/routers';
export type { RegistryInputs, RegistryOutputs } from './client';

// Headers of the wire contract that clients read or send. Kept free of zod so that the client
// package's runtime bundle, which needs only these names, carries no schema code.

/** Response header of the RAG export with the cursor to resume from, also the `end` line's. */
export const RAG_CURSOR_HEADER = 'x-export-cursor';

/**
 * Request header with the version of the client package that sends it
 * (`@ml-platform/model-registry-client`); the API refuses versions it no longer supports.
 */
export const CLIENT_VERSION_HEADER = 'x-registry-client-version';

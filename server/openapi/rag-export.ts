import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ragExportQuery, ragLineSchema } from '../schemas/rag-export';
import { RAG_CURSOR_HEADER } from '../schemas/wire-headers';

type JsonSchema = Record<string, unknown> & { $defs?: Record<string, unknown>; properties?: Record<string, unknown> };

/** JSON Schema (2020-12) of one line of the RAG export, with its parts under $defs. */
export const ragLineJsonSchema = () => z.toJSONSchema(ragLineSchema, { io: 'output' }) as JsonSchema;

const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/**
 * The export's operations, for the document generator. They carry the zod schemas themselves, not
 * their JSON Schema: the generator then makes RagExportLine and its parts components by their
 * `.meta({ id })`, as it does for every procedure, sharing Lineage and the deployment configs with
 * them. (Moving a standalone JSON Schema's `$defs` into components broke the line: a schema with an
 * id comes out as a bare `$ref` to its own `$defs` entry, which then replaced that entry.)
 */
export function ragExportPaths(): ZodOpenApiPathsObject {
  return {
    '/export/rag': {
      get: {
        operationId: 'export-rag',
        summary: 'Export model versions for retrieval (NDJSON)',
        description:
          'One JSON document per line: an upsert per live version the caller may read, or with `since` what changed ' +
          'after that cursor (deletions included). The last line is `{"op":"end","cursor":…}`; the same cursor is in the ' +
          `\`${RAG_CURSOR_HEADER}\` header. Needs a token with the \`export\` scope, or a signed-in person.`,
        tags: ['export'],
        // Served by its own route handler, not a procedure: its access is stated here.
        security: [{ bearerAuth: [] }],
        requestParams: { query: ragExportQuery },
        responses: {
          '200': {
            description: 'NDJSON stream of RagExportLine',
            headers: { [RAG_CURSOR_HEADER]: { schema: { type: 'string' }, description: 'Cursor to resume from' } },
            content: { 'application/x-ndjson': { schema: ragLineSchema } },
          },
          ...Object.fromEntries(['400', '401', '403', '404', '429'].map((status) => [status, { description: 'Error', content: errorBody }])),
        },
      },
    },
    '/export/rag/schema': {
      get: {
        operationId: 'export-rag-schema',
        summary: 'JSON Schema of one export line',
        tags: ['export'],
        security: [],
        responses: { '200': { description: 'JSON Schema (2020-12)', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
}

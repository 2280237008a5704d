import { z } from 'zod';
import { RAG_CURSOR_HEADER, ragExportQuery, ragLineSchema } from '../schemas/rag-export';

type JsonSchema = Record<string, unknown> & { $defs?: Record<string, unknown>; properties?: Record<string, unknown> };

/** JSON Schema (2020-12) of one line of the RAG export, with its parts under $defs. */
export const ragLineJsonSchema = () => z.toJSONSchema(ragLineSchema, { io: 'output' }) as JsonSchema;

/** The export's operations for the OpenAPI document, and the schemas they refer to. */
export function ragExportOpenApi() {
  // Moved from the line schema's $defs to the document's components, so the references follow.
  const { $defs = {}, $schema: _dialect, ...line } = JSON.parse(
    JSON.stringify(ragLineJsonSchema()).replaceAll('#/$defs/', '#/components/schemas/'),
  ) as JsonSchema;
  const query = z.toJSONSchema(ragExportQuery, { io: 'input' }) as JsonSchema;
  const parameters = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: (schema as { description?: string }).description,
    schema,
  }));
  const paths = {
    '/export/rag': {
      get: {
        operationId: 'export-rag',
        summary: 'Export model versions for retrieval (NDJSON)',
        description:
          'One JSON document per line: an upsert per live version the caller may read, or with `since` what changed ' +
          'after that cursor (deletions included). The last line is `{"op":"end","cursor":…}`; the same cursor is in the ' +
          `\`${RAG_CURSOR_HEADER}\` header. Needs a token with the \`export\` scope, or a signed-in person.`,
        tags: ['export'],
        parameters,
        responses: {
          '200': {
            description: 'NDJSON stream of RagExportLine',
            headers: { [RAG_CURSOR_HEADER]: { schema: { type: 'string' }, description: 'Cursor to resume from' } },
            content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/RagExportLine' } } },
          },
          ...errorResponses(['400', '401', '403', '404', '429']),
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
  return { paths, schemas: { ...$defs, RagExportLine: line } };
}

const errorResponses = (statuses: string[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );

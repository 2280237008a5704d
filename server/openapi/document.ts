import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { appRouter } from '../routers';
import { errorResponseSchema } from '../schemas/error';
import { procedureMetas } from '../routers/procedure-meta';
import { REST_PREFIX } from '../http/rest';
import { ragExportPaths } from './rag-export';

type Operation = {
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string; content?: unknown }>;
};

const BEARER = 'bearerAuth';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the procedures and their zod schemas,
 * then corrected where the generator cannot know our conventions: the error body shape, the
 * success status of creating and deleting operations, and which operations are public.
 */
export function buildOpenApiDocument(publicUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Model Registry API',
    description:
      'Register, version, find and change ML models. Authenticate with `Authorization: Bearer <token>` ' +
      '(`npm run token -- create`). Every error answers `{ "error": { "code", "message", "details", "traceId" } }` ' +
      'and every response carries `x-correlation-id`.',
    version: '1.0.0',
    baseUrl: `${publicUrl.replace(/\/$/, '')}${REST_PREFIX}`,
    securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', description: 'API token' } },
    defs: { Error: errorResponseSchema },
    // The export streams NDJSON from its own route handler, outside the procedures.
    paths: ragExportPaths(),
  });
  // An operation that forgets to say is secured.
  document.security = [{ [BEARER]: [] }];

  const statusByOperation = new Map<string, number>();
  // What the procedure enforces (`access: null` is publicProcedure), not a list kept by hand.
  const isPublicByOperation = new Map<string, boolean>();
  for (const [, meta] of procedureMetas()) {
    if (!meta?.openapi) continue;
    const key = `${meta.openapi.method.toLowerCase()} ${meta.openapi.path}`;
    isPublicByOperation.set(key, meta.access === null);
    if (meta.successStatus) statusByOperation.set(key, meta.successStatus);
  }

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const responses = operation.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) {
          response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
        }
      }
      const isPublic = isPublicByOperation.get(`${method} ${path}`);
      if (isPublic !== undefined) operation.security = isPublic ? [] : [{ [BEARER]: [] }];
      const success = statusByOperation.get(`${method} ${path}`);
      if (success && responses['200']) {
        responses[String(success)] = success === 204 ? { description: responses['200'].description } : responses['200'];
        delete responses['200'];
      }
    }
  }
  // The generator's own error schemas are no longer referenced.
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas)) if (name.startsWith('error.')) delete schemas[name];
  return document;
}

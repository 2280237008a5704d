import { apiRoute } from '@/server/http/api-route';
import { env } from '@/server/env';
import { buildOpenApiDocument } from '@/server/openapi/document';

export const GET = apiRoute('openapi', async () => Response.json(buildOpenApiDocument(env.PUBLIC_URL)));

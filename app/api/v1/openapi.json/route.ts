import { apiRoute } from '@/server/http/api-route';
import { config } from '@/server/config';
import { buildOpenApiDocument } from '@/server/openapi/document';

export const GET = apiRoute('openapi', async () => Response.json(buildOpenApiDocument(config.publicUrl)));

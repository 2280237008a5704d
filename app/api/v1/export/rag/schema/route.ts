import { apiRoute } from '@/server/http/api-route';
import { ragLineJsonSchema } from '@/server/openapi/rag-export';

export const GET = apiRoute('export.rag.schema', async () => Response.json(ragLineJsonSchema()));

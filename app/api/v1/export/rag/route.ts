import { apiRoute } from '@/server/http/api-route';
import { handleRagExport, RAG_EXPORT_ROUTE } from '@/server/http/rag-export';

export const GET = apiRoute(RAG_EXPORT_ROUTE, handleRagExport);

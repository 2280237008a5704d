import { apiRoute } from '@/server/http/api-route';
import { handleRest } from '@/server/http/rest';

const handler = apiRoute('rest', handleRest);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };

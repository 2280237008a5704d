import { apiRoute } from '@/server/http/api-route';
import { handleTrpc } from '@/server/http/trpc';

const handler = apiRoute('trpc', handleTrpc);

export { handler as GET, handler as POST };

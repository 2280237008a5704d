import { notFound } from '@/server/errors/app-error';
import { apiRoute } from '@/server/http/api-route';

// Any address under /api/ that no other route handles is an API caller's mistake: answer it in
// the error contract (JSON), not with the portal's HTML 404 page.
const handler = apiRoute('unknown', async ({ req }) => {
  throw notFound(`No API route ${req.method} ${new URL(req.url).pathname}`);
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };

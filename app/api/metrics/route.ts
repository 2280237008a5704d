import { apiRoute } from '@/server/http/api-route';
import { metrics } from '@/server/observability/metrics';

export const GET = apiRoute(
  'metrics',
  async () =>
    new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }),
);

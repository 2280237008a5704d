import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface RegistryMetrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  registrations: Counter<'team' | 'framework' | 'target'>;
  webhookDeliveries: Counter<'outcome'>;
}

function createMetrics(): RegistryMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'registry_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'registry_http_request_duration_seconds',
      help: 'HTTP request latency by route, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    registrations: new Counter({
      name: 'registry_model_registrations_total',
      help: 'Registered model versions by team, framework and deployment target',
      labelNames: ['team', 'framework', 'target'],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'registry_webhook_delivery_attempts_total',
      help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, another try scheduled) or failed (given up)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

// One registry per process, whichever bundle imports this module first.
const globalForMetrics = globalThis as typeof globalThis & { __registryMetrics?: RegistryMetrics };
globalForMetrics.__registryMetrics ??= createMetrics();
export const metrics: RegistryMetrics = globalForMetrics.__registryMetrics;

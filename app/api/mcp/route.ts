import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { authorizeRoute } from '@/server/identity/request-context';
import { apiRoute } from '@/server/http/api-route';
import { registryMcpServer } from '@/server/mcp/registry-server';
import { callerFor } from '@/server/identity/server-caller';

const ROUTE = 'mcp';

// Stateless streamable HTTP: each POST carries its credentials and gets a server of its own, so
// any instance can answer any request. Without sessions there is no GET stream to open.
export const POST = apiRoute(ROUTE, async ({ req, correlationId }) => {
  const { ctx, principal } = await authorizeRoute({ req, correlationId }, ROUTE, 'read');
  const server = registryMcpServer(callerFor(ctx, principal), correlationId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  return transport.handleRequest(req);
});

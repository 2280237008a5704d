import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { authenticateRequest, requireScope } from '@/server/auth/authenticate-request';
import { apiRoute } from '@/server/http/api-route';
import { registryMcpServer } from '@/server/mcp/registry-server';
import { createContext } from '@/server/trpc/context';
import { callerFor } from '@/server/trpc/server-caller';

const ROUTE = 'mcp';

// Stateless streamable HTTP: each POST carries its credentials and gets a server of its own, so
// any instance can answer any request. Without sessions there is no GET stream to open.
export const POST = apiRoute(ROUTE, async ({ req, correlationId }) => {
  const ctx = await createContext({ headers: req.headers, correlationId });
  const principal = await authenticateRequest(ctx, ROUTE);
  await requireScope(ctx, principal, 'read', ROUTE);
  const server = registryMcpServer(callerFor(ctx, principal));
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  return transport.handleRequest(req);
});

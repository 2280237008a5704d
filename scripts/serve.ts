// `npm start` (and, with --dev, `npm run dev`): the portal's HTTP server. It is Next.js's request
// handler behind a plain Node server so that the app learns the address of the socket each
// request came from — Next.js's own server keeps a client's X-Forwarded-For instead, which would
// let anyone choose the address their rate limit and audit records are kept under.
import { createServer } from 'node:http';
import { PEER_ADDRESS_HEADER } from '../server/identity/client-address';

const dev = process.argv.includes('--dev');
// Next.js reads NODE_ENV when it loads, so it is set before the import below.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? 'development' : 'production') });
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? (dev ? 'localhost' : '0.0.0.0');

const { default: next } = await import('next');
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Loaded after Next.js has started (and its instrumentation has migrated the database); it shares
// the process's connection pool and metrics with the app's bundles (both are kept on globalThis).
const { apiHandlerFor, serveApi } = await import('../server/http/node-api');

const server = createServer((req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
  // API requests take the shorter way to the same handlers; the rest (and any address that does
  // not parse) is Next.js's.
  const url = URL.parse(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const api = url && apiHandlerFor(req.method ?? 'GET', url.pathname);
  if (url && api) void serveApi(req, res, api, url);
  else void handle(req, res);
}).listen(port, hostname, () => console.log(`Portal ready on http://${hostname}:${port}`));

// On SIGTERM (an orchestrator stopping the instance): take no new requests, let those in flight
// finish for a few seconds, then exit normally — which also writes V8 coverage when collected.
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
});

import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';
import { baseUrl, type RegistryClientOptions, requestHeaders } from './connect';
import { retryingFetch } from './retrying-fetch';

/** The client's type, for scripts that pass a client around. */
export type RegistryClient = TRPCClient<AppRouter>;

/** What each procedure takes, as a caller writes it: `RegistryInputs['models']['register']`. */
export type RegistryInputs = inferRouterInputs<AppRouter>;
/** What each procedure answers: `RegistryOutputs['versions']['get']`. */
export type RegistryOutputs = inferRouterOutputs<AppRouter>;

/**
 * A tRPC client typed by the server's router: `client.models.list.query({...})`,
 * `client.models.register.mutate({...})`. Calls made together are batched into one request;
 * 429 and 503 answers are retried after the time the server asks for.
 */
// The explicit return type keeps the router's type named once in the bundled declarations
// rather than spelled out in full at every use.
export function createRegistryClient({ url, token, retry }: RegistryClientOptions): RegistryClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl(url)}/api/trpc`,
        headers: () => requestHeaders(token),
        fetch: retryingFetch(retry),
        // The server refuses batches of more than 20 calls.
        maxItems: 20,
      }),
    ],
  });
}

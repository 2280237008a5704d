/**
 * The address of the socket a request came from, set by the portal's own HTTP server
 * (scripts/serve.ts) on every request, overwriting whatever a client sent under this name.
 * Next.js's server keeps a client's own X-Forwarded-For instead, so that header alone cannot say.
 */
export const PEER_ADDRESS_HEADER = 'x-registry-peer-address';

/**
 * The client's address for rate limits and the audit trail. With no trusted proxy (the default)
 * it is the socket's; behind `trustedHops` proxies that each append the address they saw to
 * X-Forwarded-For, it is the entry the outermost of them appended: anything further left was
 * written by the client and proves nothing.
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || 'unknown';
  if (trustedHops === 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

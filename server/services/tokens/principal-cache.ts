import type { Principal } from '../../auth/principal';

// A token's principal, reused for up to a second. Scripts send requests in bursts, and the lookup
// (a join of four tables) was a third of a small request's database work. A revoked token, an
// ended membership or a lowered role therefore reach every instance within that second; in this
// process, a revocation is forgotten at once. Kept on globalThis: the API's door in the Node
// server and Next.js's bundles load this module separately and must share what they forget.

const TTL_MS = 1_000;
// Beyond this many live entries (tokens used within a second), the oldest are dropped.
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  tokenExpiresAt: number;
  cachedUntil: number;
}

const globalForTokens = globalThis as typeof globalThis & { __registryTokenPrincipals?: Map<string, Entry> };
globalForTokens.__registryTokenPrincipals ??= new Map();
const entries = globalForTokens.__registryTokenPrincipals;

/** The principal of a token (by its secret's hash) looked up less than a second ago and still valid. */
export function cachedPrincipal(secretHash: string, now: Date): Principal | null {
  const entry = entries.get(secretHash);
  if (!entry) return null;
  const at = now.getTime();
  if (entry.cachedUntil > at && entry.tokenExpiresAt > at) return entry.principal;
  entries.delete(secretHash);
  return null;
}

export function rememberPrincipal(secretHash: string, principal: Principal, tokenExpiresAt: Date, now: Date): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(secretHash, { principal, tokenExpiresAt: tokenExpiresAt.getTime(), cachedUntil: now.getTime() + TTL_MS });
}

/** Forgets every cached principal (after a revocation committed in this process). */
export function forgetPrincipals(): void {
  entries.clear();
}

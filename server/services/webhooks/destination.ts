import ipaddr from 'ipaddr.js';

// Server-side request forgery: a webhook URL is chosen by a team, but the request leaves from
// inside the platform. Only public unicast addresses are reached, over https; a host the
// operator allows (WEBHOOK_ALLOW_HOSTS, for local receivers) may use http and any address.

export interface DestinationRules {
  allowHosts: readonly string[];
}

/** Why an address may not be reached, or null for a public unicast address. */
export function forbiddenRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

const isAllowedHost = (url: URL, rules: DestinationRules) => rules.allowHosts.includes(hostOf(url));

/** The problem with a webhook URL, in words, or null; checks what can be known before resolving it. */
export function destinationProblem(raw: string, rules: DestinationRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials; the signature authenticates deliveries';
  const allowed = isAllowedHost(url, rules);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) return 'must use https';
  const host = hostOf(url);
  if (!allowed && ipaddr.isValid(host)) {
    const range = forbiddenRange(host);
    if (range) return `must not point at a ${range} address (${host})`;
  }
  return null;
}

export class RefusedDestination extends Error {}

/** Throws unless the address just resolved or connected to may be reached for this URL. */
export function assertReachable(url: URL, address: string, rules: DestinationRules): void {
  if (isAllowedHost(url, rules)) return;
  const range = forbiddenRange(address);
  if (range) throw new RefusedDestination(`refused: ${hostOf(url)} is at ${address}, a ${range} address`);
}

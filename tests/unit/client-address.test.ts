import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, clientAddress } from '../../server/identity/client-address';

const headers = (forwardedFor?: string) =>
  new Headers({ [PEER_ADDRESS_HEADER]: '10.0.0.7', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) });

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(headers('203.0.113.9'), 0)).toBe('10.0.0.7');
    expect(clientAddress(headers(), 0)).toBe('10.0.0.7');
  });

  it('is the address the outermost trusted proxy saw', () => {
    // The client forged the first entry; the one proxy appended what it saw.
    expect(clientAddress(headers('198.51.100.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(headers('198.51.100.1, 203.0.113.9, 192.168.1.2'), 2)).toBe('203.0.113.9');
    // Fewer entries than trusted hops: the leftmost there is.
    expect(clientAddress(headers('203.0.113.9'), 3)).toBe('203.0.113.9');
  });

  it('is "unknown" when the request did not come through the portal\'s server', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('unknown');
  });
});

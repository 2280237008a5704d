import { CLIENT_VERSION_HEADER } from '@/server/schemas/wire-headers';
import type { RetryOptions } from './retrying-fetch';
import { CLIENT_VERSION } from './version';

export interface RegistryClientOptions {
  /** The portal's base URL, e.g. https://models.example.com */
  url: string;
  /** An API token (made on the portal's Tokens page). */
  token: string;
  retry?: RetryOptions;
}

export const baseUrl = (url: string) => url.replace(/\/+$/, '');

/** The headers of every request: the token, and which client sends it. */
export const requestHeaders = (token: string) => ({ authorization: `Bearer ${token}`, [CLIENT_VERSION_HEADER]: CLIENT_VERSION });

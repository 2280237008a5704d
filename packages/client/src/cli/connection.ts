import type { Command } from 'commander';
import { createRegistryClient } from '../client';
import type { RegistryClientOptions } from '../connect';
import { CliError, EXIT } from './exit-codes';
import { note } from './output';

export interface Connection extends RegistryClientOptions {
  json: boolean;
}

/** The portal and token from --url/--token or REGISTRY_URL/REGISTRY_TOKEN. */
export function connection(command: Command): Connection {
  const options = command.optsWithGlobals<{ url?: string; token?: string; json?: boolean }>();
  const url = options.url ?? process.env.REGISTRY_URL ?? 'http://localhost:3000';
  const token = options.token ?? process.env.REGISTRY_TOKEN;
  if (!token) throw new CliError('no API token: pass --token or set REGISTRY_TOKEN (make one on the portal’s Tokens page)', EXIT.auth);
  return {
    url,
    token,
    json: options.json ?? false,
    retry: { onRetry: ({ status, delayMs }) => note(`server answered ${status}; retrying in ${Math.ceil(delayMs / 1000)} s`) },
  };
}

export const clientFor = (command: Command) => createRegistryClient(connection(command));

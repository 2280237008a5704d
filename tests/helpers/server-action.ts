import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ActionManifest {
  node: Record<string, { exportedName?: string; filename?: string }>;
}

/**
 * Calls a server action over HTTP exactly as the portal's forms do (a POST to the page with the
 * action's id in `Next-Action`), and returns the action's result from the React Server
 * Components answer. The id comes from the build's manifest, looked up by the action's name.
 */
export async function callServerAction(appUrl: string, page: string, name: string, args: unknown[], cookie: string) {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as ActionManifest;
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`No server action named ${name} in the build`);
  const res = await fetch(`${appUrl}${page}`, {
    method: 'POST',
    headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', cookie },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  // Each line of the answer is `<row id>:<JSON>`; the action's return value is the row with `ok`.
  const row = text.split('\n').find((line) => /^[0-9a-f]+:\{"ok":/.test(line));
  if (!row) throw new Error(`No action result in the answer (${res.status}): ${text.slice(0, 300)}`);
  return { status: res.status, correlationId: res.headers.get('x-correlation-id'), result: JSON.parse(row.slice(row.indexOf(':') + 1)) };
}

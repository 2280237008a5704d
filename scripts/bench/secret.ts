import { randomBytes } from 'node:crypto';

// The benchmark's first import. The server it starts and its own in-process replay of the export
// must sign cursors with one key, and the configuration reads the environment when first
// imported: so the key is in the environment before any other module loads.
process.env.EXPORT_CURSOR_SECRET ??= randomBytes(32).toString('base64url');

export const benchSecret = process.env.EXPORT_CURSOR_SECRET;

import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'mlr_';
// Shown in lists and logs to recognise a token; short enough to reveal nothing usable.
const VISIBLE_LENGTH = TOKEN_PREFIX.length + 8;

/** A new random token (256 bits) with the parts that may be stored. */
export function generateToken() {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: visiblePrefix(token), secretHash: hashToken(token) };
}

// The token is random, so a fast hash suffices: there is no dictionary to guess from.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const visiblePrefix = (token: string) => token.slice(0, VISIBLE_LENGTH);

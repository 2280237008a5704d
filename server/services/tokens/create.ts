import type { Database } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { PrincipalRef, TeamRole, TokenScope } from '../../auth/principal';
import { generateToken } from './secret';

export interface NewToken {
  name: string;
  teamId: string;
  role: TeamRole;
  scopes: TokenScope[];
  expiresAt: Date;
  createdBy: PrincipalRef | null;
}

/** Stores a token's hash and returns the token itself: the only time anyone sees it. */
export async function createToken(db: Database, input: NewToken) {
  const { token, prefix, secretHash } = generateToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ ...input, prefix, secretHash, creatorUserId: input.createdBy?.kind === 'user' ? input.createdBy.id : null })
    .returning({ id: apiTokens.id, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt });
  return { ...row!, token };
}

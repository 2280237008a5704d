import { eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import { roleOn } from '../../auth/access';
import { forbidden, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record';
import { operation } from '../operation';
import { forgetPrincipals } from './principal-cache';

/** Revokes a token the caller created, or one of a team they maintain; revoking twice is no change. */
export const revokeToken = operation({ scope: 'write', role: 'viewer' }, async ({ db, actor }, { tokenId }: { tokenId: string }): Promise<void> => {
  await db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
    const own = token?.createdBy?.kind === actor.principal.kind && token.createdBy.id === actor.principal.id;
    const role = token && roleOn(actor.principal, token.teamId);
    if (!token || (!own && !role)) throw notFound('Token');
    if (!own && role !== 'maintainer') throw forbidden("Only the token's creator or a maintainer of its team can revoke it");
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, { teamId: token.teamId, action: 'token.revoked', resourceType: 'api_token', resourceId: token.id, summary: { prefix: token.prefix } });
  });
  // Once committed; other instances stop within a second (principal-cache.ts).
  forgetPrincipals();
});

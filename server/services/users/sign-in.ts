import type { Database } from '@/db/client';
import type { ClaimedAccess } from '../../auth/claims';
import type { Principal } from '../../auth/principal';
import { recordAudit } from '../audit/record';
import { endSession, startSession } from '../sessions/lifecycle';
import { alignTokensWithCreator } from '../tokens/follow-creator';
import { forgetPrincipals } from '../tokens/principal-cache';
import { type Identity, applyIdentity } from './access';

/**
 * A successful sign-in: the person's teams (and their tokens) follow their groups, a session
 * starts, and the audit trail says so.
 */
export async function recordSignIn(db: Database, identity: Identity, access: ClaimedAccess, correlationId: string) {
  const signedIn = await db.transaction(async (tx) => {
    const user = await applyIdentity(tx, identity, access);
    const principal: Principal = {
      kind: 'user',
      id: user.id,
      name: user.name,
      isAdmin: user.isAdmin,
      scopes: [],
      memberships: [],
    };
    await alignTokensWithCreator(tx, principal, correlationId);
    // Last: the platform chain's head is held until commit, after the teams' (see alignTokensWithCreator).
    await recordAudit(tx, { principal, correlationId }, {
      teamId: null,
      action: 'auth.signed_in',
      resourceType: 'session',
      resourceId: user.id,
      summary: { teams: access.memberships, admin: access.isAdmin },
    });
    return { ...user, sessionId: await startSession(tx, user.id) };
  });
  // Their tokens may have been revoked or lowered: in this process at once, elsewhere within a second.
  forgetPrincipals();
  return signedIn;
}

/** A person signed out: their session ends on the server, recorded in the audit trail. */
export async function recordSignOut(db: Database, session: { userId: string; name: string; sessionId: string }, correlationId: string) {
  await db.transaction(async (tx) => {
    if (!(await endSession(tx, session.sessionId, 'signed_out'))) return;
    const principal: Principal = { kind: 'user', id: session.userId, name: session.name, isAdmin: false, scopes: [], memberships: [] };
    await recordAudit(tx, { principal, correlationId }, { teamId: null, action: 'auth.signed_out', resourceType: 'session', resourceId: session.sessionId });
  });
}

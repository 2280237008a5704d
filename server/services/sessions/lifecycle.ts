import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sessions } from '@/db/schema';

export type EndReason = 'signed_out' | 'idle' | 'expired' | 'ended_by_admin';

export interface SessionLimits {
  /** Seconds after sign-in a session ends, however active. */
  maxAge: number;
  /** Seconds without a request after which a session ends. */
  idleTimeout: number;
}

/** A new session of a person who has just signed in; its id goes into their cookie. */
export async function startSession(tx: Database, userId: string): Promise<string> {
  const [session] = await tx.insert(sessions).values({ userId }).returning({ id: sessions.id });
  return session!.id;
}

const endLive = (db: Database, where: ReturnType<typeof and>, reason: EndReason) =>
  db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(where, isNull(sessions.endedAt)))
    .returning({ id: sessions.id });

/** Ends one session; true when it was still live. */
export async function endSession(db: Database, sessionId: string, reason: EndReason): Promise<boolean> {
  return (await endLive(db, eq(sessions.id, sessionId), reason)).length > 0;
}

/** Ends every live session of a person; how many there were. */
export async function endSessionsOfUser(db: Database, userId: string, reason: EndReason): Promise<number> {
  return (await endLive(db, eq(sessions.userId, userId), reason)).length;
}

/**
 * Whether the person's session is live: not ended, younger than the maximum age, and used within
 * the idle timeout. A session found too old or idle is ended here. Use is recorded at most every
 * quarter of the idle timeout (and at most once a minute), not at every request.
 */
export async function isSessionLive(db: Database, sessionId: string, userId: string, limits: SessionLimits, now = new Date()): Promise<boolean> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .limit(1);
  if (!session || session.endedAt) return false;
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime();
  const over: EndReason | null = age >= limits.maxAge * 1000 ? 'expired' : idle >= limits.idleTimeout * 1000 ? 'idle' : null;
  if (over) {
    await endSession(db, session.id, over);
    return false;
  }
  if (idle >= Math.min(60_000, (limits.idleTimeout * 1000) / 4)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, session.id), isNull(sessions.endedAt)));
  }
  return true;
}

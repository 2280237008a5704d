import type { z } from 'zod';
import type { TEAM_ROLES, TOKEN_SCOPES } from '../../db/schema/vocabulary';
import type { principalRefSchema } from '../schemas/version';

export type TeamRole = (typeof TEAM_ROLES)[number];
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type PrincipalRef = z.infer<typeof principalRefSchema>;

interface Membership {
  teamId: string;
  teamSlug: string;
  role: TeamRole;
}

/**
 * Whoever calls: an API token now, a signed-in person too later. Every access rule is written
 * against this one shape, so it applies unchanged to the browser, scripts and the assistant.
 */
export interface Principal {
  kind: PrincipalRef['kind'];
  id: string;
  name: string;
  isAdmin: boolean;
  scopes: readonly TokenScope[];
  memberships: readonly Membership[];
  /** For a token a person made: that person, for whom it acts where a person is required. */
  actsFor?: { id: string; name: string; isAdmin: boolean };
}

/** Who acts in an operation, and the request it belongs to (for the audit trail). */
export interface Actor {
  principal: Principal;
  correlationId: string;
}

export const principalRef = (p: Principal): PrincipalRef => ({ kind: p.kind, id: p.id, name: p.name });

/**
 * The person behind a principal: a signed-in person, or the person who made the token; null for
 * an operator's token and the system. Reviews are asked and decided by people, counted per person.
 */
export function personOf(p: Principal): (PrincipalRef & { isAdmin: boolean }) | null {
  if (p.kind === 'user') return { ...principalRef(p), isAdmin: p.isAdmin };
  return p.actsFor ? { kind: 'user', id: p.actsFor.id, name: p.actsFor.name, isAdmin: p.actsFor.isAdmin } : null;
}

/** The principal of work the system does on its own account (CLI, seed), for the audit trail. */
export const systemPrincipal = (name: string): Principal => ({
  kind: 'system',
  id: 'system',
  name,
  isAdmin: true,
  scopes: ['read', 'write', 'export', 'deploy'],
  memberships: [],
});

/** Whoever calls without any identity, as the audit trail names them. */
export const ANONYMOUS_PRINCIPAL: Principal = { kind: 'user', id: 'anonymous', name: 'anonymous', isAdmin: false, scopes: [], memberships: [] };

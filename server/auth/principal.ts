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
}

/** Who acts in an operation, and the request it belongs to (for the audit trail). */
export interface Actor {
  principal: Principal;
  correlationId: string;
}

export const principalRef = (p: Principal): PrincipalRef => ({ kind: p.kind, id: p.id, name: p.name });

/** The principal of work the system does on its own account (CLI, seed), for the audit trail. */
export const systemPrincipal = (name: string): Principal => ({
  kind: 'system',
  id: 'system',
  name,
  isAdmin: true,
  scopes: ['read', 'write', 'export'],
  memberships: [],
});

/** Whoever calls without any identity, as the audit trail names them. */
export const ANONYMOUS_PRINCIPAL: Principal = { kind: 'user', id: 'anonymous', name: 'anonymous', isAdmin: false, scopes: [], memberships: [] };

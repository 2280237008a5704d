import { TEAM_ROLES } from '../../db/schema/vocabulary';
import { forbidden, notFound, validationFailed } from '../errors/app-error';
import type { Principal, TeamRole } from './principal';

export const roleAtLeast = (role: TeamRole, needed: TeamRole) => TEAM_ROLES.indexOf(role) >= TEAM_ROLES.indexOf(needed);

/** The principal's role on a team; platform admins act as maintainers everywhere. */
export function roleOn(principal: Principal, teamId: string): TeamRole | null {
  if (principal.isAdmin) return 'maintainer';
  return principal.memberships.find((m) => m.teamId === teamId)?.role ?? null;
}

/** What decides who may read a model besides its team. */
export interface ModelVisibility {
  teamId: string;
  visibility: 'team' | 'internal' | 'shared';
  sharedWith: readonly string[];
}

/** Whether the principal may read the model: its team's members, everyone if internal, the teams it is shared with. */
export function canReadModel(principal: Principal, model: ModelVisibility): boolean {
  if (roleOn(principal, model.teamId)) return true;
  if (model.visibility === 'internal') return true;
  return model.visibility === 'shared' && principal.memberships.some((m) => model.sharedWith.includes(m.teamId));
}

/**
 * The role check for a change to a model the principal can read: without a role on its team it is
 * a 403 (the model is visible to them), not a 404.
 */
export function assertRoleOnModel(principal: Principal, teamId: string, needed: TeamRole): void {
  const role = roleOn(principal, teamId);
  if (!role) throw forbidden("Only members of the model's team may change it: it is shared with you to read");
  if (!roleAtLeast(role, needed)) throw forbidden(`This needs the ${needed} role on the team; you have ${role}`);
}

/** Team ids whose models the principal may read, or 'all' for platform admins. */
export const readableTeamIds = (principal: Principal): 'all' | string[] =>
  principal.isAdmin ? 'all' : principal.memberships.map((m) => m.teamId);

/**
 * Checks the actor may act on a resource of the team: unreadable teams answer "not found" so that
 * names do not leak; readable ones with too little role answer "forbidden".
 */
export function assertTeamAccess(principal: Principal, teamId: string, needed: TeamRole, resource: string): void {
  const role = roleOn(principal, teamId);
  if (!role) throw notFound(resource);
  if (!roleAtLeast(role, needed)) throw forbidden(`This needs the ${needed} role on the team; you have ${role}`);
}

/**
 * The slug of the team a registration goes to: the one named, or the caller's only team where it
 * has the required role. Admins must name it.
 */
export function writableTeamSlug(principal: Principal, requiredRole: TeamRole, slug: string | undefined, doing = { what: 'register models', verb: 'register' }): string {
  const writable = principal.memberships.filter((m) => roleAtLeast(m.role, requiredRole));
  if (slug) {
    if (principal.isAdmin || writable.some((m) => m.teamSlug === slug)) return slug;
    throw forbidden(`You may not ${doing.what} in team "${slug}": it needs the ${requiredRole} role there`);
  }
  if (writable.length === 1) return writable[0]!.teamSlug;
  if (writable.length === 0) {
    throw principal.isAdmin
      ? validationFailed({ team: [`Required: name the team to ${doing.verb} in`] })
      : forbidden(`You have no team where you hold the ${requiredRole} role`);
  }
  throw validationFailed({
    team: [`Required: you may ${doing.verb} in several teams (${writable.map((m) => m.teamSlug).join(', ')})`],
  });
}

/** The principal's role on the team with this slug (admins: maintainer), for showing controls. */
export function roleOnSlug(principal: Principal, slug: string): TeamRole | null {
  if (principal.isAdmin) return 'maintainer';
  return principal.memberships.find((m) => m.teamSlug === slug)?.role ?? null;
}

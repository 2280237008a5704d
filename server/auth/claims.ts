import { z } from 'zod';
import { TEAM_ROLES } from '../../db/schema/vocabulary';
import { roleAtLeast } from './access';
import type { TeamRole } from './principal';

export interface GroupRules {
  /** A regular expression with named groups `team` and `role`, matched against each group name. */
  pattern: RegExp;
  adminGroup: string;
}

export interface ClaimedAccess {
  isAdmin: boolean;
  memberships: { teamSlug: string; role: TeamRole }[];
}

const roleSchema = z.enum(TEAM_ROLES);

/**
 * Teams and roles from the identity provider's groups: each group the rule matches gives a role
 * on a team; several groups for one team give the highest role; others are ignored.
 */
export function accessFromGroups(groups: readonly string[], rules: GroupRules): ClaimedAccess {
  const roles = new Map<string, TeamRole>();
  for (const group of groups) {
    const match = rules.pattern.exec(group)?.groups;
    const role = roleSchema.safeParse(match?.role);
    if (!match?.team || !role.success) continue;
    const current = roles.get(match.team);
    if (!current || roleAtLeast(role.data, current)) roles.set(match.team, role.data);
  }
  return {
    isAdmin: groups.includes(rules.adminGroup),
    memberships: [...roles].map(([teamSlug, role]) => ({ teamSlug, role })).sort((a, b) => a.teamSlug.localeCompare(b.teamSlug)),
  };
}

/** The groups claim as a list of names, whatever shape the provider sends it in. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

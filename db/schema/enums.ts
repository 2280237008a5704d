import { pgEnum } from 'drizzle-orm/pg-core';
import {
  DEPLOYMENT_STATUSES,
  DEPLOYMENT_TARGETS,
  FRAMEWORKS,
  RISK_TIERS,
  TEAM_ROLES,
  TOKEN_SCOPES,
  VERSION_STATES,
} from './vocabulary';

export const frameworkEnum = pgEnum('framework', FRAMEWORKS);
export const deploymentTargetEnum = pgEnum('deployment_target', DEPLOYMENT_TARGETS);
export const versionStateEnum = pgEnum('version_state', VERSION_STATES);
export const deploymentStatusEnum = pgEnum('deployment_status', DEPLOYMENT_STATUSES);
export const riskTierEnum = pgEnum('risk_tier', RISK_TIERS);
export const teamRoleEnum = pgEnum('team_role', TEAM_ROLES);
export const tokenScopeEnum = pgEnum('token_scope', TOKEN_SCOPES);

import { pgEnum } from 'drizzle-orm/pg-core';
import {
  ARTIFACT_TYPES,
  DELIVERY_STATUSES,
  DEPLOYMENT_STATUSES,
  ENVIRONMENTS,
  DEPLOYMENT_TARGETS,
  FRAMEWORKS,
  REVIEW_STATUSES,
  RISK_TIERS,
  TEAM_ROLES,
  TOKEN_SCOPES,
  VERSION_STATES,
  VISIBILITIES,
} from './vocabulary';

export const frameworkEnum = pgEnum('framework', FRAMEWORKS);
export const deploymentTargetEnum = pgEnum('deployment_target', DEPLOYMENT_TARGETS);
export const versionStateEnum = pgEnum('version_state', VERSION_STATES);
export const deploymentStatusEnum = pgEnum('deployment_status', DEPLOYMENT_STATUSES);
export const riskTierEnum = pgEnum('risk_tier', RISK_TIERS);
export const teamRoleEnum = pgEnum('team_role', TEAM_ROLES);
export const tokenScopeEnum = pgEnum('token_scope', TOKEN_SCOPES);
export const environmentEnum = pgEnum('environment', ENVIRONMENTS);
export const reviewStatusEnum = pgEnum('review_status', REVIEW_STATUSES);
export const artifactTypeEnum = pgEnum('artifact_type', ARTIFACT_TYPES);
export const visibilityEnum = pgEnum('visibility', VISIBILITIES);
export const deliveryStatusEnum = pgEnum('delivery_status', DELIVERY_STATUSES);

import type { Environment, VersionState } from '../../schemas/lifecycle';

// Who may deploy what where; pure, so that the portal offers only what the service will accept.

/** The states from which a version may be deployed to each environment: approved for it, or beyond. */
export const DEPLOYABLE_FROM: Record<Environment, readonly VersionState[]> = {
  staging: ['approved_staging', 'staging', 'approved_prod', 'production'],
  production: ['approved_prod', 'production'],
};

/** Staging is the team's to try; production is its maintainers' decision. */
export const DEPLOY_ROLE = { staging: 'contributor', production: 'maintainer' } as const;

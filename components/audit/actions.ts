// The audit actions the registry writes (each recordAudit call in server/services, the token
// CLI's team.created and the refusals' records), grouped for the action picker. The audit list
// takes any action text, so an action missing here can still be filtered on from the address.

export const AUDIT_ACTION_GROUPS: readonly { label: string; actions: readonly string[] }[] = [
  { label: 'Models and versions', actions: ['model.created', 'model.updated', 'version.registered', 'version.updated', 'version.deregistered', 'alias.moved', 'alias.removed'] },
  {
    label: 'Governance',
    actions: ['version.review_opened', 'version.review_withdrawn', 'version.approved', 'version.changes_requested', 'version.transitioned', 'artifact.added', 'evaluation.recorded', 'policy.saved'],
  },
  { label: 'Deployments', actions: ['deployment.requested', 'deployment.status_changed'] },
  { label: 'Tokens and webhooks', actions: ['token.created', 'token.revoked', 'token.role_lowered', 'webhook.created', 'webhook.updated', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.redelivery_requested'] },
  { label: 'Sign-in and access', actions: ['auth.signed_in', 'auth.signed_out', 'auth.sessions_ended', 'auth.sign_in_failed', 'access.denied', 'team.created'] },
];

export const isKnownAuditAction = (action: string) => AUDIT_ACTION_GROUPS.some((g) => g.actions.includes(action));

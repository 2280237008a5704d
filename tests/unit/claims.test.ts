import { describe, expect, it } from 'vitest';
import { accessFromGroups, groupsFromClaim } from '../../server/auth/claims';
import { groupRules, oidcSettings } from '../../server/auth/oidc-config';

const rules = groupRules({});

describe('groups → teams and roles', () => {
  it('maps mlreg-<team>-<role> groups and ignores the rest', () => {
    expect(accessFromGroups(['mlreg-fraud-viewer', 'mlreg-vision-maintainer', 'everyone', 'mlreg-x-owner'], rules)).toEqual({
      isAdmin: false,
      memberships: [
        { teamSlug: 'fraud', role: 'viewer' },
        { teamSlug: 'vision', role: 'maintainer' },
      ],
    });
  });

  it('keeps the highest role when several groups name one team', () => {
    const access = accessFromGroups(['mlreg-fraud-maintainer', 'mlreg-fraud-viewer', 'mlreg-fraud-contributor'], rules);
    expect(access.memberships).toEqual([{ teamSlug: 'fraud', role: 'maintainer' }]);
  });

  it('makes platform admins from the admin group', () => {
    expect(accessFromGroups(['mlreg-admins'], rules)).toEqual({ isAdmin: true, memberships: [] });
  });

  it('follows a configured rule, e.g. Entra ID group names', () => {
    const entra = groupRules({ OIDC_GROUP_PATTERN: '^ML Registry (?<team>[a-z0-9-]+) (?<role>viewer|contributor|maintainer)$', OIDC_ADMIN_GROUP: 'ML Registry Admins' });
    expect(accessFromGroups(['ML Registry churn contributor', 'ML Registry Admins'], entra)).toEqual({
      isAdmin: true,
      memberships: [{ teamSlug: 'churn', role: 'contributor' }],
    });
  });

  it('reads the groups claim as a list or a delimited string', () => {
    expect(groupsFromClaim(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(groupsFromClaim('a, b c')).toEqual(['a', 'b', 'c']);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});

describe('sign-in settings', () => {
  it('are off until issuer, client id and secret are all set; sessions default to 8 hours', () => {
    expect(oidcSettings({ OIDC_ISSUER: 'https://idp.example.com' })).toBeNull();
    const settings = oidcSettings({ OIDC_ISSUER: 'https://idp.example.com/', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' });
    expect(settings).toMatchObject({ issuer: 'https://idp.example.com', groupsClaim: 'groups', sessionMaxAge: 28_800 });
  });
});

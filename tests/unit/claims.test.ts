import { describe, expect, it } from 'vitest';
import { accessFromGroups, groupsFromClaim } from '../../server/auth/claims';
import { ConfigError, loadConfig } from '../../server/config';

const rules = loadConfig({}).groupRules;

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
    const entra = loadConfig({ OIDC_GROUP_PATTERN: '^ML Registry (?<team>[a-z0-9-]+) (?<role>viewer|contributor|maintainer)$', OIDC_ADMIN_GROUP: 'ML Registry Admins' }).groupRules;
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
  it('are off until issuer, client id and secret are all set; sessions default to 8 hours, 30 idle minutes', () => {
    expect(loadConfig({ OIDC_ISSUER: 'https://idp.example.com' }).oidc).toBeNull();
    const config = loadConfig({ OIDC_ISSUER: 'https://idp.example.com/', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' });
    expect(config.oidc).toMatchObject({ issuer: 'https://idp.example.com', groupsClaim: 'groups' });
    expect(config.sessions).toMatchObject({ maxAge: 28_800, idleTimeout: 1_800 });
  });
});

describe('the configuration', () => {
  it('names every bad variable at once', () => {
    const bad = { PORT: 'eighty', TRUST_PROXY_HOPS: '-1', AUDIT_SIGNING_KEY: 'short', OIDC_GROUP_PATTERN: '^mlreg-(.*)$', DATABASE_URL: 'postgres://db/x', DATABASE_POOL_MAX: '0' };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'PORT',
        'TRUST_PROXY_HOPS',
        'AUDIT_SIGNING_KEY',
        'OIDC_GROUP_PATTERN',
        'DATABASE_POOL_MAX',
      ]);
    }
  });

  it('gives the embedded set-up when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', seedDemoData: true, trustProxyHops: 0, oidc: null });
    expect(config.database.driver).toBe('pglite');
  });
});

// A local OpenID Connect provider for development and tests, with the demo people of
// server/auth/demo-people.ts. Its login form takes a demo person's id (any password); consent is
// implied for the portal. Never used when an external issuer is configured.
import type { Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { DEMO_PEOPLE } from '../server/services/seed/demo-people';

export interface LocalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startLocalIdp(options: { port: number; redirectUris: string[]; host?: string }): Promise<LocalIdp> {
  const host = options.host ?? '127.0.0.1';
  const issuer = `http://${host === '127.0.0.1' ? '127.0.0.1' : host}:${options.port}`;
  const clientId = 'model-registry-local';
  const clientSecret = 'local-idp-secret-not-for-production';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['local-idp-cookie-key-not-for-production'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const person = DEMO_PEOPLE.find((p) => p.subject === id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: person.name, preferred_username: id, email: person.email, groups: [...person.groups] }),
      };
    },
    // The portal is a first-party client: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(options.port, host, () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

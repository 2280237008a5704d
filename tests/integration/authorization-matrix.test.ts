import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, modelVersions, models } from '../../db/schema';
import { type Principal, systemPrincipal } from '../../server/auth/principal';
import { appRouter } from '../../server/routers';
import { procedureMetas } from '../../server/routers/procedure-meta';
import { authenticateToken } from '../../server/services/tokens/authenticate';
import { accessFromGroups } from '../../server/auth/claims';
import { loadConfig } from '../../server/config';
import { principalForUser } from '../../server/services/users/principal';
import { createToken } from '../../server/services/tokens/create';
import { recordSignIn } from '../../server/services/users/sign-in';
import { ensureTeam } from '../../server/services/teams/find';
import { inProcessContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { freshDatabase } from '../helpers/database';
import { registration } from '../helpers/fixtures';
import { BUILT_IN_POLICY } from '../../server/schemas/policy';

type Role = 'viewer' | 'contributor' | 'maintainer' | 'admin' | 'otherTeam' | 'anonymous' | 'readToken' | 'writeToken' | 'maintainerToken';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
const ROLES: Role[] = ['viewer', 'contributor', 'maintainer', 'admin', 'otherTeam', 'anonymous', 'readToken', 'writeToken', 'maintainerToken'];

// What each role may do, as DESIGN.md says: viewers read, contributors register and update,
// maintainers deregister, manage tokens and read the audit trail, admins everything; another
// team's models do not exist for you; nobody without identity gets past the door. API tokens
// (of team fraud: `read` as viewer, `read,write` as contributor and as maintainer) act within
// their scopes and role, and never manage tokens.
const PEOPLE: Record<string, Record<Exclude<Role, `${string}Token`>, Outcome>> = {
  'models.register': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'models.list': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'models.get': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'models.getByName': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'models.tags': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'versions.get': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'versions.update': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'versions.changes': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'versions.deregister': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'versions.deregistration': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'tokens.create': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'tokens.list': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'tokens.revoke': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'audit.list': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'audit.actors': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'teams.directory': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'FORBIDDEN', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'users.endSessions': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'FORBIDDEN', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'system.health': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'ok' },  'models.update': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.evidence': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.reviews': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'governance.lifecycle': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'ok' },
  'governance.get': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.checkPolicy': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.openReview': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.recordEvaluation': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.addArtifact': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.decide': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.withdrawReview': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'governance.transition': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'policies.get': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'policies.history': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'policies.save': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'policies.getDefault': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'policies.saveDefault': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'FORBIDDEN', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'aliases.set': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'aliases.delete': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'aliases.list': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'aliases.resolve': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },  'deployments.deploy': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'deployments.rollback': { viewer: 'FORBIDDEN', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  // Only pipelines report: people never hold the deploy scope, nor do read or write tokens.
  'deployments.report': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'FORBIDDEN', admin: 'FORBIDDEN', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'deployments.get': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'deployments.history': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.create': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
  'webhooks.list': { viewer: 'ok', contributor: 'ok', maintainer: 'ok', admin: 'ok', otherTeam: 'ok', anonymous: 'UNAUTHORIZED' },
  'webhooks.get': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.update': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.remove': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.rotateSecret': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.test': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.deliveries': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
  'webhooks.redeliver': { viewer: 'FORBIDDEN', contributor: 'FORBIDDEN', maintainer: 'ok', admin: 'ok', otherTeam: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
};

const TOKENS: Record<string, Record<Extract<Role, `${string}Token`>, Outcome>> = {
  'models.register': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'models.list': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'models.get': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'models.getByName': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'models.tags': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'versions.get': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'versions.update': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'versions.changes': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'versions.deregister': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'versions.deregistration': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'tokens.create': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'tokens.list': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'tokens.revoke': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'audit.list': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'audit.actors': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'teams.directory': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'users.endSessions': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'system.health': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },  'models.update': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'governance.evidence': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'governance.reviews': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.lifecycle': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.get': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.checkPolicy': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.openReview': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.recordEvaluation': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.addArtifact': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'governance.decide': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'governance.withdrawReview': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'governance.transition': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'policies.get': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'policies.history': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'policies.save': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'policies.getDefault': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'policies.saveDefault': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'aliases.set': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'aliases.delete': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'aliases.list': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'aliases.resolve': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },  'deployments.deploy': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'deployments.rollback': { readToken: 'FORBIDDEN', writeToken: 'ok', maintainerToken: 'ok' },
  'deployments.report': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'FORBIDDEN' },
  'deployments.get': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'deployments.history': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'webhooks.create': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.list': { readToken: 'ok', writeToken: 'ok', maintainerToken: 'ok' },
  'webhooks.get': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.update': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.remove': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.rotateSecret': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.test': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.deliveries': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
  'webhooks.redeliver': { readToken: 'FORBIDDEN', writeToken: 'FORBIDDEN', maintainerToken: 'ok' },
};

const EXPECTED: Record<string, Record<Role, Outcome>> = Object.fromEntries(
  Object.entries(PEOPLE).map(([procedure, outcomes]) => [procedure, { ...outcomes, ...TOKENS[procedure]! }]),
);

let database: Awaited<ReturnType<typeof freshDatabase>>;
const principals = {} as Record<Role, Principal | undefined>;
let fraudId = '';
let counter = 0;

/** A person as sign-in makes them, with the teams and roles these groups give. */
async function person(subject: string, groups: string[]): Promise<Principal> {
  const user = await recordSignIn(database.db, { subject, name: subject, email: null }, accessFromGroups(groups, loadConfig({}).groupRules), 'matrix');
  return (await principalForUser(database.db, user.id))!;
}

const callerFor = (principal: Principal | undefined) =>
  createCallerFactory(appRouter)(inProcessContext({ db: database.db, driver: 'pg', correlationId: 'matrix', principal }));

/** A fresh version of a fraud model, registered by the system, for calls that change or remove one. */
async function freshVersion() {
  const name = `matrix-${++counter}`;
  const created = await callerFor(systemPrincipal('fixture')).models.register(registration({ team: 'fraud', name }) as never);
  return { modelId: created.modelId, name, version: '1.0.0' };
}

const freshKey = () => freshVersion().then(({ modelId, version }) => ({ modelId, version }));

/** A fresh version, deregistered (its tombstone is what is read). */
async function deregistered() {
  const key = await freshKey();
  await callerFor(systemPrincipal('fixture')).versions.deregister({ ...key, reason: 'matrix' });
  return key;
}

/** A fresh version with a staging review opened by the system (so nobody in the matrix is its requester). */
async function inReview() {
  const key = await freshKey();
  await callerFor(systemPrincipal('fixture')).governance.openReview({ ...key, environment: 'staging' });
  return key;
}

/** A fresh version the unprotected alias "candidate" points at. */
async function aliased() {
  const fresh = await freshVersion();
  await callerFor(systemPrincipal('fixture')).aliases.set({ modelId: fresh.modelId, version: fresh.version, alias: 'candidate' });
  return fresh;
}

/** A fresh version approved for staging, under a policy that asks nothing more of it. */
async function deployable() {
  const system = callerFor(systemPrincipal('fixture'));
  await system.policies.save({ team: 'fraud', document: { states: {} } });
  const key = await freshKey();
  await database.db.update(modelVersions).set({ state: 'approved_staging' }).where(and(eq(modelVersions.modelId, key.modelId), eq(modelVersions.version, key.version)));
  return key;
}

/** A deployment to staging the system asked for, not yet reported on. */
const requestedDeployment = async () => (await callerFor(systemPrincipal('fixture')).deployments.deploy({ ...(await deployable()), environment: 'staging', trafficPercent: 100 })).deploymentId;

/** A model whose staging ran 1.0.0 and then 1.1.0, so there is something to roll back to. */
async function twiceDeployed() {
  const system = callerFor(systemPrincipal('fixture'));
  const first = await deployable();
  for (const version of ['1.0.0', '1.1.0']) {
    if (version !== '1.0.0') {
      const [model] = await database.db.select({ name: models.name }).from(models).where(eq(models.id, first.modelId));
      await system.models.register(registration({ team: 'fraud', name: model!.name, version }) as never);
      await database.db.update(modelVersions).set({ state: 'approved_staging' }).where(and(eq(modelVersions.modelId, first.modelId), eq(modelVersions.version, version)));
    }
    const { deploymentId } = await system.deployments.deploy({ modelId: first.modelId, version, environment: 'staging', trafficPercent: 100 });
    await system.deployments.report({ deploymentId, status: 'succeeded', endpoint: `arn:aws:lambda:eu-west-1:1:function:${version}` });
  }
  return first;
}

const freshWebhook = async () =>
  (await callerFor(systemPrincipal('fixture')).webhooks.create({ team: 'fraud', url: 'https://hooks.example.com/registry', eventTypes: [] })).webhook.id;

/** An event of team fraud (a registration announces one). */
async function fraudEvent() {
  await freshVersion();
  const [event] = await database.db.select({ id: events.id }).from(events).where(eq(events.teamId, fraudId)).orderBy(desc(events.seq)).limit(1);
  return event!.id;
}

async function freshToken() {
  const made = await createToken(database.db, {
    name: 'victim',
    teamId: fraudId,
    role: 'viewer',
    scopes: ['read'],
    expiresAt: new Date(Date.now() + 3_600_000),
    createdBy: null,
  });
  return made.id;
}

// One call per procedure, with fixtures of its own where it changes something.
const CALLS: Record<string, (caller: ReturnType<typeof callerFor>) => Promise<unknown>> = {
  'models.register': (c) => c.models.register(registration({ team: 'fraud', name: `reg-${++counter}` }) as never),
  'models.list': (c) => c.models.list({}),
  'models.get': async (c) => c.models.get({ modelId: (await freshVersion()).modelId }),
  'models.getByName': async (c) => c.models.getByName({ team: 'fraud', name: (await freshVersion()).name }),
  'models.tags': (c) => c.models.tags(),
  'versions.get': async (c) => c.versions.get(await freshVersion().then(({ modelId, version }) => ({ modelId, version }))),
  'versions.update': async (c) => c.versions.update({ ...(await freshVersion().then(({ modelId, version }) => ({ modelId, version }))), description: 'changed' }),
  'versions.deregister': async (c) => c.versions.deregister(await freshVersion().then(({ modelId, version }) => ({ modelId, version }))),
  'versions.deregistration': async (c) => c.versions.deregistration(await deregistered()),
  'versions.changes': (c) => c.versions.changes({}),
  'tokens.create': (c) => c.tokens.create({ name: 'matrix', team: 'fraud', scopes: ['read'] } as never),
  'tokens.list': (c) => c.tokens.list({}),
  'tokens.revoke': async (c) => c.tokens.revoke({ tokenId: await freshToken() }),
  'audit.list': (c) => c.audit.list({}),
  'audit.actors': (c) => c.audit.actors(),
  'teams.directory': (c) => c.teams.directory(),
  'users.endSessions': async (c) => c.users.endSessions({ userId: (await recordSignIn(database.db, { subject: `s-${++counter}`, name: 'someone', email: null }, { isAdmin: false, memberships: [] }, 'matrix')).id }),
  'system.health': (c) => c.system.health(),  'models.update': async (c) => c.models.update({ modelId: (await freshKey()).modelId, riskTier: 'high' }),
  'governance.evidence': async (c) => c.governance.evidence(await freshKey()),
  'governance.reviews': (c) => c.governance.reviews({}),
  'governance.lifecycle': (c) => c.governance.lifecycle(),
  'governance.get': async (c) => c.governance.get(await freshKey()),
  'governance.checkPolicy': async (c) => c.governance.checkPolicy({ ...(await freshKey()), to: 'approved_staging' }),
  'governance.openReview': async (c) => c.governance.openReview({ ...(await freshKey()), environment: 'staging' }),
  'governance.recordEvaluation': async (c) => c.governance.recordEvaluation({ ...(await freshKey()), suite: 'safety', metrics: { safety: { toxicity: 0.01 } } } as never),
  'governance.addArtifact': async (c) => c.governance.addArtifact({ ...(await freshKey()), type: 'weights', uri: 's3://ml-models/w.bin' }),
  'governance.decide': async (c) => c.governance.decide({ ...(await inReview()), decision: 'approve' }),
  'governance.withdrawReview': async (c) => c.governance.withdrawReview(await inReview()),
  'governance.transition': async (c) => c.governance.transition({ ...(await freshKey()), to: 'retired' }),
  'policies.get': (c) => c.policies.get({ team: 'fraud' }),
  'policies.history': (c) => c.policies.history({ team: 'fraud' }),
  'policies.save': (c) => c.policies.save({ team: 'fraud', document: BUILT_IN_POLICY }),
  'policies.getDefault': (c) => c.policies.getDefault(),
  'policies.saveDefault': (c) => c.policies.saveDefault({ document: BUILT_IN_POLICY }),
  'aliases.set': async (c) => c.aliases.set({ ...(await freshKey()), alias: 'candidate' }),
  'aliases.delete': async (c) => c.aliases.delete({ modelId: (await aliased()).modelId, alias: 'candidate' }),
  'aliases.list': async (c) => c.aliases.list({ modelId: (await freshKey()).modelId }),
  'aliases.resolve': async (c) => c.aliases.resolve({ team: 'fraud', name: (await aliased()).name, alias: 'candidate' }),
  'deployments.deploy': async (c) => c.deployments.deploy({ ...(await deployable()), environment: 'staging', trafficPercent: 100 }),
  'deployments.rollback': async (c) => c.deployments.rollback({ modelId: (await twiceDeployed()).modelId, environment: 'staging', reason: 'matrix' }),
  'deployments.report': async (c) => c.deployments.report({ deploymentId: await requestedDeployment(), status: 'in_progress' }),
  'deployments.get': async (c) => c.deployments.get({ deploymentId: await requestedDeployment() }),
  'deployments.history': async (c) => c.deployments.history({ modelId: (await freshKey()).modelId }),
  'webhooks.create': (c) => c.webhooks.create({ team: 'fraud', url: 'https://hooks.example.com/registry', eventTypes: [] }),
  'webhooks.list': (c) => c.webhooks.list({}),
  'webhooks.get': async (c) => c.webhooks.get({ webhookId: await freshWebhook() }),
  'webhooks.update': async (c) => c.webhooks.update({ webhookId: await freshWebhook(), description: 'changed' }),
  'webhooks.remove': async (c) => c.webhooks.remove({ webhookId: await freshWebhook() }),
  'webhooks.rotateSecret': async (c) => c.webhooks.rotateSecret({ webhookId: await freshWebhook() }),
  'webhooks.test': async (c) => c.webhooks.test({ webhookId: await freshWebhook() }),
  'webhooks.deliveries': async (c) => c.webhooks.deliveries({ webhookId: await freshWebhook(), limit: 20 }),
  'webhooks.redeliver': async (c) => c.webhooks.redeliver({ webhookId: await freshWebhook(), eventId: await fraudEvent() }),
};

beforeAll(async () => {
  database = await freshDatabase();
  fraudId = (await ensureTeam(database.db, 'fraud')).team.id;
  principals.viewer = await person('viewer', ['mlreg-fraud-viewer']);
  principals.contributor = await person('contributor', ['mlreg-fraud-contributor']);
  principals.maintainer = await person('maintainer', ['mlreg-fraud-maintainer']);
  principals.admin = await person('admin', ['mlreg-admins']);
  principals.otherTeam = await person('other', ['mlreg-other-maintainer']);
  principals.anonymous = undefined;
  // Token principals as authentication makes them, from real tokens.
  const token = async (role: 'viewer' | 'contributor' | 'maintainer', scopes: ('read' | 'write')[]) =>
    authenticateToken(database.db, (await createToken(database.db, { name: role, teamId: fraudId, role, scopes, expiresAt: new Date(Date.now() + 3_600_000), createdBy: null })).token);
  principals.readToken = await token('viewer', ['read']);
  principals.writeToken = await token('contributor', ['read', 'write']);
  principals.maintainerToken = await token('maintainer', ['read', 'write']);
});
afterAll(() => database.close());

describe('authorization matrix', () => {
  it('covers every procedure of the router', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(procedureMetas().map(([path]) => path).sort());
    expect(Object.keys(TOKENS).sort()).toEqual(Object.keys(PEOPLE).sort());
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [procedure, outcomes] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      it(`${procedure} as ${role}: ${outcomes[role]}`, async () => {
        const outcome = await CALLS[procedure]!(callerFor(principals[role])).then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? String(error),
        );
        expect(outcome).toBe(outcomes[role]);
      });
    }
  }
});

// The same doors for a model of fraud that everyone may read (internal) or that is shared with the
// other team: another team reads it and may not change it (403, no longer hidden).
describe('authorization on models other teams may read', () => {
  const READS = ['models.get', 'versions.get', 'governance.get', 'governance.checkPolicy', 'aliases.list'] as const;
  const WRITES = ['models.update', 'versions.update', 'versions.deregister', 'governance.openReview', 'governance.recordEvaluation', 'aliases.set'] as const;

  async function visibleVersion(visibility: 'internal' | 'shared') {
    const fresh = await freshVersion();
    await callerFor(systemPrincipal('fixture')).models.update({ modelId: fresh.modelId, visibility, ...(visibility === 'shared' ? { sharedWith: ['other'] } : {}) });
    return { modelId: fresh.modelId, version: fresh.version };
  }

  const call = (name: (typeof READS)[number] | (typeof WRITES)[number], c: ReturnType<typeof callerFor>, key: { modelId: string; version: string }) =>
    ({
      'models.get': () => c.models.get({ modelId: key.modelId }),
      'versions.get': () => c.versions.get(key),
      'governance.get': () => c.governance.get(key),
      'governance.checkPolicy': () => c.governance.checkPolicy({ ...key, to: 'approved_staging' }),
      'aliases.list': () => c.aliases.list({ modelId: key.modelId }),
      'models.update': () => c.models.update({ modelId: key.modelId, riskTier: 'low' }),
      'versions.update': () => c.versions.update({ ...key, description: 'x' }),
      'versions.deregister': () => c.versions.deregister(key),
      'governance.openReview': () => c.governance.openReview({ ...key, environment: 'staging' }),
      'governance.recordEvaluation': () => c.governance.recordEvaluation({ ...key, suite: 's', metrics: { task: { auc: 1 } } } as never),
      'aliases.set': () => c.aliases.set({ ...key, alias: 'mine' }),
    })[name]();

  for (const visibility of ['internal', 'shared'] as const) {
    for (const name of [...READS, ...WRITES]) {
      const expected = (READS as readonly string[]).includes(name) ? 'ok' : 'FORBIDDEN';
      it(`${name} on a ${visibility} model as otherTeam: ${expected}; as anonymous: UNAUTHORIZED`, async () => {
        const key = await visibleVersion(visibility);
        const outcome = (who: Principal | undefined) => call(name, callerFor(who), key).then(() => 'ok', (error: { code?: string }) => error.code ?? String(error));
        expect(await outcome(principals.otherTeam)).toBe(expected);
        expect(await outcome(undefined)).toBe('UNAUTHORIZED');
      });
    }
  }

  it('keeps a shared model hidden (404) from a team it is not shared with', async () => {
    const key = await visibleVersion('shared');
    const stranger = await person('stranger', ['mlreg-elsewhere-maintainer']);
    await expect(callerFor(stranger).models.get({ modelId: key.modelId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(stranger).versions.update({ ...key, description: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

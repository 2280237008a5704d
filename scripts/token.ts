// API tokens for scripts: create, list, revoke. Works on every driver, and on the embedded
// database also while the dev server holds it (through the socket it serves).
import os from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../db/client';
import { config } from '../server/config';
import { systemPrincipal } from '../server/auth/principal';
import { TEAM_ROLES, TOKEN_SCOPES } from '../db/schema/vocabulary';
import { teamSlugSchema } from '../server/schemas/common';
import { tokenLifetimeDaysSchema } from '../server/schemas/token';
import { recordAudit } from '../server/services/audit/record';
import { ensureTeam, findTeamBySlug } from '../server/services/teams/find';
import { issueToken } from '../server/services/tokens/issue';
import { listTokens } from '../server/services/tokens/list';
import { revokeToken } from '../server/services/tokens/revoke';

const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (value: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(result.error.issues.map((i) => i.message).join('; '));
    return result.data;
  };

const scopesSchema = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.enum(TOKEN_SCOPES, { error: `scopes are ${TOKEN_SCOPES.join(', ')}` })).min(1));

const actor = () => ({
  principal: systemPrincipal(`token CLI (${os.userInfo().username}@${os.hostname()})`),
  correlationId: `cli-${crypto.randomUUID()}`,
});

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

// The command line is an operator with database access: it acts as the system (a platform
// admin), through the same token operations as the API and the portal.
async function withDatabase<T>(work: (db: Db) => Promise<T>) {
  const connection = await openDatabase(config.database);
  try {
    await connection.migrate();
    return await work(connection.db);
  } finally {
    await connection.close();
  }
}

/** The team, created (and audited) only when asked to: a typo must not make a new team. */
async function teamForToken(db: Db, slug: string, create: boolean) {
  if (!create) return findTeamBySlug(db, slug);
  return db.transaction(async (tx) => {
    const { team, created } = await ensureTeam(tx, slug);
    if (created) {
      await recordAudit(tx, actor(), { teamId: team.id, action: 'team.created', resourceType: 'team', resourceId: team.id, summary: { slug } });
      console.error(`Team "${team.slug}" did not exist and was created.`);
    }
    return team;
  });
}

const program = new Command('token').description('Manage API tokens for scripts').showHelpAfterError();

program
  .command('create')
  .description('Create a token and print it (it is shown only once)')
  .requiredOption('--team <slug>', 'team the token acts for', parseWith(teamSlugSchema))
  .option('--create-team', 'create the team if it does not exist (recorded in the audit trail)', false)
  .option('--scopes <list>', `comma-separated: ${TOKEN_SCOPES.join(', ')}`, parseWith(scopesSchema), ['read'])
  .option(
    '--role <role>',
    `team role: ${TEAM_ROLES.join(', ')} (default: contributor with write, else viewer)`,
    parseWith(z.enum(TEAM_ROLES)),
  )
  .option('--name <name>', 'what the token is for', 'cli token')
  .option('--expires-in-days <days>', "lifetime in days (at most the API's, 365)", parseWith(z.coerce.number().pipe(tokenLifetimeDaysSchema)), 90)
  .action(async (opts: { team: string; createTeam: boolean; scopes: z.infer<typeof scopesSchema>; role?: (typeof TEAM_ROLES)[number]; name: string; expiresInDays: number }) => {
    await withDatabase(async (db) => {
      if (!(await teamForToken(db, opts.team, opts.createTeam))) {
        console.error(`No team "${opts.team}". Check the name, or pass --create-team to create it.`);
        process.exitCode = 1;
        return;
      }
      const { token, record } = await issueToken(
        { db, actor: actor() },
        { name: opts.name, team: opts.team, scopes: opts.scopes, role: opts.role, expiresInDays: opts.expiresInDays },
      );
      console.error(`Token ${record.prefix}… for team "${record.team}" (${record.role}; ${record.scopes.join(', ')}), expires ${record.expiresAt}:`);
      console.log(token);
    });
  });

program
  .command('list')
  .description('List tokens (never their secrets)')
  .option('--team <slug>', 'only this team', parseWith(teamSlugSchema))
  .action(async (opts: { team?: string }) => {
    await withDatabase(async (db) => {
      if (opts.team && !(await findTeamBySlug(db, opts.team))) throw new Error(`No team "${opts.team}"`);
      const tokens = await listTokens({ db, actor: actor() }, { team: opts.team, includeRevoked: true });
      console.table(
        tokens.map((t) => ({
          prefix: t.prefix,
          name: t.name,
          team: t.team,
          role: t.role,
          scopes: t.scopes.join(','),
          expires: t.expiresAt,
          lastUsed: t.lastUsedAt ?? '',
          revoked: t.revokedAt ?? '',
        })),
      );
    });
  });

program
  .command('revoke <idOrPrefix>')
  .description('Revoke a token by id or by its visible prefix')
  .action(async (idOrPrefix: string) => {
    await withDatabase(async (db) => {
      const live = await listTokens({ db, actor: actor() }, { includeRevoked: false });
      const token = live.find((t) => t.id === idOrPrefix || t.prefix === idOrPrefix);
      if (!token) {
        console.error(`No live token matches "${idOrPrefix}".`);
        process.exitCode = 1;
        return;
      }
      await revokeToken({ db, actor: actor() }, { tokenId: token.id });
      console.error(`Revoked ${idOrPrefix}.`);
    });
  });

await program.parseAsync();

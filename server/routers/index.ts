import { router } from '../trpc/init';
import { modelsRouter } from './models';
import { health } from './system/health';
import { auditRouter } from './audit';
import { teamsRouter } from './teams';
import { tokensRouter } from './tokens';
import { usersRouter } from './users';
import { versionsRouter } from './versions';
import { aliasesRouter } from './aliases';
import { governanceRouter } from './governance';
import { policiesRouter } from './policies';
import { deploymentsRouter } from './deployments';
import { webhooksRouter } from './webhooks';

export const appRouter = router({
  models: modelsRouter,
  // Before versions: REST matches in this order, and /models/{modelId}/aliases (or /deployments) is not a version.
  aliases: aliasesRouter,
  deployments: deploymentsRouter,
  versions: versionsRouter,
  governance: governanceRouter,
  policies: policiesRouter,
  webhooks: webhooksRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  teams: teamsRouter,
  users: usersRouter,
  system: router({ health }),
});

export type AppRouter = typeof appRouter;

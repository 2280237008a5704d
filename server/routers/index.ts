import { router } from '../trpc/init';
import { modelsRouter } from './models';
import { health } from './system/health';
import { auditRouter } from './audit';
import { teamsRouter } from './teams';
import { tokensRouter } from './tokens';
import { usersRouter } from './users';
import { versionsRouter } from './versions';

export const appRouter = router({
  models: modelsRouter,
  versions: versionsRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  teams: teamsRouter,
  users: usersRouter,
  system: router({ health }),
});

export type AppRouter = typeof appRouter;

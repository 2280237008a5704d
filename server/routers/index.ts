import { router } from '../trpc/init';
import { modelsRouter } from './models';
import { health } from './system/health';
import { versionsRouter } from './versions';

export const appRouter = router({
  models: modelsRouter,
  versions: versionsRouter,
  system: router({ health }),
});

export type AppRouter = typeof appRouter;

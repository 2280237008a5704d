import { router } from '../../trpc/init';
import { endSessions } from './end-sessions';

export const usersRouter = router({ endSessions });

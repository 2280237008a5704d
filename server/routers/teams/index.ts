import { router } from '../../trpc/init';
import { directory } from './directory';

export const teamsRouter = router({ directory });

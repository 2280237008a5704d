import { router } from '../../trpc/init';
import { actors } from './actors';
import { list } from './list';

export const auditRouter = router({ list, actors });

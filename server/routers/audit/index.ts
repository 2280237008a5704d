import { router } from '../../trpc/init';
import { list } from './list';

export const auditRouter = router({ list });

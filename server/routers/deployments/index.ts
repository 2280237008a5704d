import { router } from '../../trpc/init';
import { deploy } from './deploy';
import { get } from './get';
import { history } from './history';
import { report } from './report';
import { rollback } from './rollback';

export const deploymentsRouter = router({ deploy, rollback, report, get, history });

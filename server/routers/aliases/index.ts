import { router } from '../../trpc/init';
import { remove } from './delete';
import { list } from './list';
import { resolve } from './resolve';
import { set } from './set';

export const aliasesRouter = router({ set, delete: remove, list, resolve });

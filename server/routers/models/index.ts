import { router } from '../../trpc/init';
import { get, getByName } from './get';
import { list } from './list';
import { register } from './register';
import { tags } from './tags';
import { update } from './update';

export const modelsRouter = router({ register, list, get, getByName, update, tags });

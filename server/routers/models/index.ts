import { router } from '../../trpc/init';
import { get, getByName } from './get';
import { list } from './list';
import { register } from './register';

export const modelsRouter = router({ register, list, get, getByName });

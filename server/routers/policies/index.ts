import { router } from '../../trpc/init';
import { get, getDefault, history } from './get';
import { save, saveDefault } from './save';

export const policiesRouter = router({ get, save, getDefault, saveDefault, history });

import { router } from '../../trpc/init';
import { changes } from './changes';
import { deregister } from './deregister';
import { deregistration } from './deregistration';
import { get } from './get';
import { update } from './update';

export const versionsRouter = router({ get, update, deregister, deregistration, changes });

import { router } from '../../trpc/init';
import { create } from './create';
import { deliveries } from './deliveries';
import { get } from './get';
import { list } from './list';
import { redeliver } from './redeliver';
import { remove } from './remove';
import { rotateSecret } from './rotate-secret';
import { test } from './test';
import { update } from './update';

export const webhooksRouter = router({ create, list, get, update, remove, rotateSecret, test, deliveries, redeliver });

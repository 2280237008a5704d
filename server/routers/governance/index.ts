import { router } from '../../trpc/init';
import { addArtifact } from './add-artifact';
import { checkPolicy } from './check-policy';
import { decide } from './decide';
import { evidence } from './evidence';
import { get } from './get';
import { lifecycle } from './lifecycle';
import { openReview } from './open-review';
import { recordEvaluation } from './record-evaluation';
import { reviews } from './reviews';
import { transition } from './transition';
import { withdrawReview } from './withdraw-review';

export const governanceRouter = router({ lifecycle, get, openReview, decide, withdrawReview, transition, checkPolicy, recordEvaluation, addArtifact, evidence, reviews });

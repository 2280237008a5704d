import { assertRoleOnModel } from '../../auth/access';
import type { TransitionInput } from '../../schemas/lifecycle';
import type { VersionGovernance } from '../../schemas/governance';
import { isPolicyState } from '../../schemas/policy';
import { operation } from '../operation';
import { approveIfAllowed, assertNotRequester, openReviewOf } from './decide';
import { assertAllowed, policyChecklist } from './check';
import { withdrawOpenReview } from './close-review';
import { LIFECYCLE_EDGES, edgeOrConflict } from './lifecycle';
import { assertPerson, lockedVersion } from './locked-version';
import { moveState } from './move-state';
import { governanceView } from './view';


/**
 * A direct move along the lifecycle (promote, deprecate, retire), checked against the edge's role
 * and, for governed states, the policy. Also completes an approval whose policy was met later (an
 * evaluation recorded after the approvals), as a maintainer's decision.
 */
export const transition = operation({ scope: 'write', role: 'contributor' }, async ({ db, actor }, input: TransitionInput): Promise<VersionGovernance> =>
  db.transaction(async (tx) => {
    const target = await lockedVersion(tx, actor, input, transition.access.role);
    const { model, version } = target;
    const edge = LIFECYCLE_EDGES.find((e) => e.from === version.state && e.to === input.to);
    if (edge?.kind === 'decision' && (input.to === 'approved_staging' || input.to === 'approved_prod')) {
      assertRoleOnModel(actor.principal, model.teamId, edge.role);
      const review = await openReviewOf(tx, version);
      const { kind, id, name } = assertPerson(actor, 'decide a review');
      assertNotRequester({ kind, id, name }, review);
      assertAllowed(await approveIfAllowed(tx, actor, target, review, { kind, id, name }), `Moving ${version.version} to ${input.to}`);
      return governanceView(tx, model, version);
    }
    const allowed = edgeOrConflict(version.state, input.to, 'transition');
    assertRoleOnModel(actor.principal, model.teamId, allowed.role);
    if (isPolicyState(input.to)) assertAllowed(await policyChecklist(tx, model, version, input.to), `Moving ${version.version} to ${input.to}`);
    // Leaving staging other than by approval ends a pending production review.
    await withdrawOpenReview(tx, actor, version.id);
    await moveState(tx, actor, target, { to: input.to, comment: input.comment });
    return governanceView(tx, model, version);
  }),
);

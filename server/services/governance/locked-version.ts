import type { Database } from '@/db/client';
import { assertRoleOnModel } from '../../auth/access';
import type { Actor, TeamRole } from '../../auth/principal';
import { forbidden } from '../../errors/app-error';
import { findLiveVersion } from '../versions/find';

/**
 * The version, locked for the rest of the transaction (model row, then version row: the order
 * every change takes), once the actor is known to hold the role on its team. Two decisions on one
 * version, or a decision racing a change of it, thus run one after the other.
 */
export async function lockedVersion(tx: Database, actor: Actor, key: { modelId: string; version: string }, role: TeamRole) {
  const found = await findLiveVersion(tx, actor.principal, key, true);
  assertRoleOnModel(actor.principal, found.model.teamId, role);
  return found;
}

/** Reviews are decided by people: a token acts for a script, and a script cannot be the second pair of eyes. */
export function assertPerson(actor: Actor, what: string): void {
  if (actor.principal.kind !== 'user') throw forbidden(`Only a signed-in person may ${what}, not an API token`);
}

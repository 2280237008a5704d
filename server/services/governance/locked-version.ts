import type { Database } from '@/db/client';
import { assertRoleOnModel } from '../../auth/access';
import { type Actor, type PrincipalRef, type TeamRole, personOf, principalRef } from '../../auth/principal';
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

/**
 * Reviews are decided by people: signed in, or through a token they made (it acts for them and
 * counts as them). An operator's token stands for a script, which cannot be the second pair of eyes.
 */
export function assertPerson(actor: Actor, what: string) {
  const person = personOf(actor.principal);
  if (!person) throw forbidden(`Only a person may ${what}: sign in, or use a token you created, not an operator's token`);
  return person;
}

/** Who asks for something: the person behind the principal, else the principal itself. */
export const requesterOf = (actor: Actor): PrincipalRef => {
  const person = personOf(actor.principal);
  return person ? { kind: person.kind, id: person.id, name: person.name } : principalRef(actor.principal);
};

'use server';

import { personAction } from '@/server/http/action-result';

/** The tags in use, for the catalog's tag field to suggest. */
export async function tagSuggestionsAction() {
  return personAction('models.tags', (caller) => caller.models.tags());
}

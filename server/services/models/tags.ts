import { asc, count, desc, sql } from 'drizzle-orm';
import { models } from '@/db/schema';
import type { TagUsage } from '../../schemas/model';
import { READ, operation } from '../operation';
import { readableModels } from './visible';

// Suggestions, not an inventory: the most used ones.
const MOST_USED = 200;

/** The tags in use on the models the caller may read, most used first: the catalog's suggestions. */
export const listTags = operation(READ, async ({ db, actor: { principal } }, _input: undefined): Promise<TagUsage> => {
  const tagged = db
    .select({ tag: sql<string>`unnest(${models.tags})`.as('tag') })
    .from(models)
    .where(await readableModels(db, principal))
    .as('tagged');
  const items = await db
    .select({ tag: tagged.tag, models: count() })
    .from(tagged)
    .groupBy(tagged.tag)
    .orderBy(desc(count()), asc(tagged.tag))
    .limit(MOST_USED);
  return { items };
});

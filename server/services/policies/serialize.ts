import type { policies } from '@/db/schema';
import type { Policy } from '../../schemas/policy';
import { BUILT_IN_POLICY } from '../../schemas/policy';

type PolicyRow = typeof policies.$inferSelect;

export const toPolicy = (row: PolicyRow, team: string | null, inherited = false): Policy => ({
  team,
  revision: row.revision,
  document: row.document,
  comment: row.comment,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  inherited,
});

export const BUILT_IN: Policy = { team: null, revision: 0, document: BUILT_IN_POLICY, comment: 'Built-in rules', createdBy: null, createdAt: null, inherited: true };

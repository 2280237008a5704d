import { and, eq, getTableColumns, inArray, isNull, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { models, modelVersions, teams } from '@/db/schema';
import { canReadModel, readableTeamIds, roleOn } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../errors/app-error';
import type { RagExportFilters, RagExportQuery, RagLine } from '../../schemas/rag-export';
import { findTeamBySlug } from '../teams/find';
import {
  type ExportCursor,
  type Position,
  decodeExportCursor,
  earlierPosition,
  exportCursorEncoder,
  laterPosition,
  laterThan,
  watermarkPosition,
} from './cursor';
import { deleteDocument, type ExportRow, upsertDocument } from './document';
import { governanceOf } from './governance-facts';
import { readableElsewhere } from '../models/visible';
import { intersect, isEmpty, narrowTo, scopeOf, subtract, type TeamScope } from './team-scope';
import { operation } from '../operation';
import { anyOf } from '../any-of';

// Rows per query: large enough to amortize the round trip, small enough to keep memory flat.
const BATCH_SIZE = 1000;
const START: Position = { xid: 0n, seq: -1 };

/** A planned export: the cursor to resume from (known before the first line) and its lines. */
export interface RagExport {
  cursor: string;
  batches: AsyncGenerator<RagLine[]>;
}

/** The oldest transaction still running; every change of an older one is visible to us now. */
async function watermark(db: Database): Promise<Position> {
  const result = (await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`)) as unknown as {
    rows: { xmin: string }[];
  };
  return watermarkPosition(BigInt(result.rows[0]!.xmin));
}

const positionOf = (row: ExportRow): Position => ({ xid: BigInt(row.version.changeXid), seq: row.version.changeSeq });

// A row comparison, which Drizzle cannot express; served by the (change_xid, change_seq) indexes.
const changedAfter = (position: Position) =>
  sql`(${modelVersions.changeXid}, ${modelVersions.changeSeq}) > (${position.xid.toString()}::xid8, ${position.seq})`;

function teamCondition(scope: TeamScope): SQL | undefined {
  if ('all' in scope) return undefined;
  if ('in' in scope) return inArray(modelVersions.teamId, scope.in);
  return scope.notIn.length ? notInArray(modelVersions.teamId, scope.notIn) : undefined;
}

const liveMatching = (filters: RagExportFilters) =>
  and(
    isNull(modelVersions.deletedAt),
    filters.deploymentTarget && eq(modelVersions.deploymentTarget, filters.deploymentTarget),
    filters.state && eq(modelVersions.state, filters.state),
  );

const matches = (row: ExportRow, filters: RagExportFilters) =>
  (!filters.deploymentTarget || row.version.deploymentTarget === filters.deploymentTarget) &&
  (!filters.state || row.version.state === filters.state);

// What documents tell of a version (hyperparameters and tombstone details are left out).
const { hyperparameters: _h, deletedBy: _d, deletedReason: _r, teamId: _t, ...exportedColumns } = getTableColumns(modelVersions);

/** The model facts (and team) of the versions of one batch, in one query. */
async function modelsOf(db: Database, modelIds: string[]) {
  const rows = await db
    .select({
      id: models.id,
      name: models.name,
      description: models.description,
      owners: models.owners,
      riskTier: models.riskTier,
      teamId: models.teamId,
      visibility: models.visibility,
      sharedWith: models.sharedWith,
      visibilityChangeXid: models.visibilityChangeXid,
      visibilityChangeSeq: models.visibilityChangeSeq,
      teamSlug: teams.slug,
    })
    .from(models)
    .innerJoin(teams, eq(teams.id, models.teamId))
    .where(anyOf(models.id, modelIds));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The versions of the scope after a position that satisfy `where`, in change order, batch by batch. */
async function* changesAfter(db: Database, scope: TeamScope, from: Position, where?: SQL): AsyncGenerator<ExportRow[]> {
  if (isEmpty(scope)) return;
  // Versions first, their models second: a join here let the planner, misjudging the row
  // comparison's selectivity, sort the whole table instead of walking the index for 1,000 rows.
  const fetch = async (after: Position): Promise<ExportRow[]> => {
    const versions = await db
      .select(exportedColumns)
      .from(modelVersions)
      .where(and(changedAfter(after), teamCondition(scope), where))
      .orderBy(modelVersions.changeXid, modelVersions.changeSeq)
      .limit(BATCH_SIZE);
    if (versions.length === 0) return [];
    const [byId, governance] = await Promise.all([modelsOf(db, [...new Set(versions.map((v) => v.modelId))]), governanceOf(db, versions.map((v) => v.id))]);
    return versions.map((version) => {
      const { teamSlug, ...model } = byId.get(version.modelId)!;
      return { version, model, teamSlug, governance: governance.get(version.id)! };
    });
  };

  // The next batch is read while the caller serializes this one.
  let next = fetch(from);
  for (;;) {
    const rows = await next;
    const more = rows.length === BATCH_SIZE;
    if (more) {
      next = fetch(positionOf(rows.at(-1)!));
      next.catch(() => undefined); // observed on the next turn; the caller may stop before it
    }
    yield rows;
    if (!more) return;
  }
}

/** Versions of other teams' models the principal may read: internal ones, and those shared with one of its teams. */
function visibleElsewhere(db: Database, principal: Principal): SQL {
  return inArray(modelVersions.modelId, db.select({ id: models.id }).from(models).where(readableElsewhere(principal)));
}

/** Whether the model's readers changed after the position (it may have left the caller's view then). */
const readersChangedAfter = (model: ExportRow['model'], position: Position) =>
  model.visibilityChangeXid !== null && laterThan({ xid: BigInt(model.visibilityChangeXid), seq: model.visibilityChangeSeq ?? 0 }, position);

async function teamFilterId(db: Database, principal: Principal, slug: string | undefined) {
  if (!slug) return undefined;
  const team = await findTeamBySlug(db, slug);
  if (!team || !roleOn(principal, team.id)) throw notFound(`Team "${slug}"`);
  return team.id;
}

/**
 * Plans the RAG export of what the principal may read: every live version, or with `since` what
 * changed after that cursor — including deletions for versions deregistered, no longer matching
 * the filters, or of teams the caller has lost — plus the versions of teams it has gained.
 */
export const planRagExport = operation({ scope: 'export', role: 'viewer' }, async ({ db, actor: { principal } }, query: RagExportQuery): Promise<RagExport> => {
  const { since, ...filters } = query;
  const teamId = await teamFilterId(db, principal, filters.team);
  const previous = since ? decodeExportCursor(since, principal, filters) : null;
  const now = readableTeamIds(principal);
  const mark = await watermark(db);
  const cursorAt = exportCursorEncoder(principal, now, filters);
  const cursor = cursorAt(previous ? laterPosition(previous.position, mark) : mark);

  async function* batches(): AsyncGenerator<RagLine[]> {
    let documents = 0;
    const emit = (lines: RagLine[]) => {
      documents += lines.length;
      return lines;
    };

    // Other teams' models the caller may read (internal, shared with it); not under a team filter.
    const elsewhere: TeamScope = now === 'all' || teamId ? { in: [] } : { notIn: now };
    if (!previous) {
      for await (const rows of changesAfter(db, narrowTo(scopeOf(now), teamId), START, liveMatching(filters))) {
        yield emit(rows.map((row) => upsertDocument(row, cursorAt(earlierPosition(positionOf(row), mark)))));
      }
      for await (const rows of changesAfter(db, elsewhere, START, and(liveMatching(filters), visibleElsewhere(db, principal)))) {
        yield emit(rows.map((row) => upsertDocument(row, cursorAt(earlierPosition(positionOf(row), mark)))));
      }
    } else {
      for await (const lines of teamChanges(db, previous, now, teamId, since!, visibleElsewhere(db, principal))) yield emit(lines);
      const kept = narrowTo(intersect(now, previous.teams), teamId);
      for await (const rows of changesAfter(db, kept, previous.position)) {
        yield emit(
          rows.map((row) => {
            const at = cursorAt(earlierPosition(positionOf(row), mark));
            if (row.version.deletedAt) return deleteDocument(row.version, 'deregistered', at);
            return matches(row, filters) ? upsertDocument(row, at) : deleteDocument(row.version, 'no_longer_matches', at);
          }),
        );
      }
      for await (const rows of changesAfter(db, elsewhere, previous.position)) {
        const lines = rows.flatMap((row): RagLine[] => {
          const at = cursorAt(earlierPosition(positionOf(row), mark));
          if (!canReadModel(principal, row.model)) {
            // Only a model whose readers changed since the cursor may have been sent to this caller.
            return readersChangedAfter(row.model, previous.position) ? [deleteDocument(row.version, 'no_longer_visible', at)] : [];
          }
          if (row.version.deletedAt) return [deleteDocument(row.version, 'deregistered', at)];
          return [matches(row, filters) ? upsertDocument(row, at) : deleteDocument(row.version, 'no_longer_matches', at)];
        });
        if (lines.length) yield emit(lines);
      }
    }
    yield [{ op: 'end', cursor, documents }];
  }

  return { cursor, batches: batches() };
});

/**
 * Deletions for the teams the caller could read at the cursor but no longer can, and every
 * document of the teams it can read now but could not then. Their lines resume from the old
 * cursor: replaying them is harmless.
 */
async function* teamChanges(
  db: Database,
  previous: ExportCursor,
  now: 'all' | string[],
  teamId: string | undefined,
  since: string,
  stillVisible: SQL,
): AsyncGenerator<RagLine[]> {
  const lost = narrowTo(subtract(previous.teams, now), teamId);
  // Versions deregistered before the cursor were already sent as deletions; models the caller
  // still reads (internal, shared with another of its teams) stay.
  const notYetDeleted = and(or(isNull(modelVersions.deletedAt), changedAfter(previous.position)), not(stillVisible));
  for await (const rows of changesAfter(db, lost, START, notYetDeleted)) {
    yield rows.map((row) => deleteDocument(row.version, 'no_longer_visible', since));
  }
  const gained = narrowTo(subtract(now, previous.teams), teamId);
  for await (const rows of changesAfter(db, gained, START, liveMatching(previous.filters))) {
    yield rows.map((row) => upsertDocument(row, since));
  }
}

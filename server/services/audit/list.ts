import { and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, modelVersions, teams } from '@/db/schema';
import { validationFailed } from '../../errors/app-error';
import type { ListAuditInput, ListAuditOutput } from '../../schemas/audit';
import { cursorTimestampSchema } from '../../schemas/common';
import { isoTimestamp } from '../keyset';
import { operation } from '../operation';
import { readableAudit } from './scope';

const cursorSchema = z.object({ at: cursorTimestampSchema, id: z.uuid() });

function decode(raw: string) {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw validationFailed({ cursor: ['is not a cursor returned by this API'] });
  }
}

/** Audit records, newest first: maintainers see their teams' records, admins every record. */
export const listAudit = operation({ scope: 'read', role: 'maintainer' }, async ({ db, actor: { principal } }, input: ListAuditInput): Promise<ListAuditOutput> => {
  const readable = readableAudit(principal);
  const cursor = input.cursor ? decode(input.cursor) : null;
  const versionIds = input.modelId
    ? db
        .select({ id: sql`${modelVersions.id}::text` })
        .from(modelVersions)
        .where(and(eq(modelVersions.modelId, input.modelId), input.version ? eq(modelVersions.version, input.version) : undefined))
    : null;

  // A model's records: its versions' (the given one's alone), and with no version its own (card,
  // aliases, deployments), which name it as their resource or in their summary.
  const ofModel =
    input.modelId && versionIds
      ? input.version
        ? inArray(auditLog.resourceId, versionIds)
        : or(inArray(auditLog.resourceId, versionIds), eq(auditLog.resourceId, input.modelId), sql`${auditLog.summary}->>'modelId' = ${input.modelId}`)
      : undefined;
  const rows = await db
    .select({ record: auditLog, team: teams.slug, at: isoTimestamp(auditLog.occurredAt) })
    .from(auditLog)
    .leftJoin(teams, eq(teams.id, auditLog.teamId))
    .where(
      and(
        readable,
        input.team ? eq(teams.slug, input.team) : undefined,
        ofModel,
        input.actor ? sql`${auditLog.actor}->>'id' = ${input.actor}` : undefined,
        input.action ? eq(auditLog.action, input.action) : undefined,
        input.from ? gte(auditLog.occurredAt, new Date(input.from)) : undefined,
        input.to ? lte(auditLog.occurredAt, new Date(input.to)) : undefined,
        cursor ? sql`(${auditLog.occurredAt}, ${auditLog.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ record, team }) => ({
      id: record.id,
      occurredAt: record.occurredAt.toISOString(),
      actor: record.actor,
      team,
      action: record.action,
      resourceType: record.resourceType,
      resourceId: record.resourceId,
      correlationId: record.correlationId,
      summary: record.summary,
      chainKey: record.chainKey,
      seq: record.seq,
      hash: record.hash,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(JSON.stringify({ at: last.at, id: last.record.id })).toString('base64url')
        : null,
  };
});

import { sql } from 'drizzle-orm';

/** The columns every change to a version sets, so that incremental exports see it. */
export const nextChange = () => ({
  changeSeq: sql`nextval('model_version_change_seq')`,
  changeXid: sql`pg_current_xact_id()`,
});

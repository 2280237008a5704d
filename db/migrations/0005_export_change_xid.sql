DROP INDEX "model_versions_team_idx";--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "model_versions_team_change_idx" ON "model_versions" USING btree ("team_id","change_xid","change_seq");--> statement-breakpoint
CREATE INDEX "model_versions_change_idx" ON "model_versions" USING btree ("change_xid","change_seq");
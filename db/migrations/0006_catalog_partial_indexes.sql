DROP INDEX "models_updated_idx";--> statement-breakpoint
DROP INDEX "models_created_idx";--> statement-breakpoint
DROP INDEX "models_name_idx";--> statement-breakpoint
DROP INDEX "models_latest_version_idx";--> statement-breakpoint
DROP INDEX "models_team_updated_idx";--> statement-breakpoint
CREATE INDEX "models_updated_idx" ON "models" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "models"."version_count" > 0;--> statement-breakpoint
CREATE INDEX "models_created_idx" ON "models" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "models"."version_count" > 0;--> statement-breakpoint
CREATE INDEX "models_name_idx" ON "models" USING btree ("name","id") WHERE "models"."version_count" > 0;--> statement-breakpoint
CREATE INDEX "models_latest_version_idx" ON "models" USING btree ("latest_version_sort" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "models"."version_count" > 0;--> statement-breakpoint
CREATE INDEX "models_team_updated_idx" ON "models" USING btree ("team_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "models"."version_count" > 0;
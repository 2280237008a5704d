CREATE TYPE "public"."visibility" AS ENUM('team', 'internal', 'shared');--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "visibility" "visibility" DEFAULT 'team' NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "shared_with" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "visibility_change_xid" "xid8";--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "visibility_change_seq" bigint;--> statement-breakpoint
CREATE INDEX "models_visible_idx" ON "models" USING btree ("visibility") WHERE "models"."visibility" <> 'team';--> statement-breakpoint
CREATE INDEX "models_shared_with_idx" ON "models" USING gin ("shared_with");
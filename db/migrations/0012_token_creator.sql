ALTER TABLE "api_tokens" ADD COLUMN "creator_user_id" uuid;--> statement-breakpoint
-- Tokens people made before this column existed: their creator, from the recorded principal.
UPDATE "api_tokens" SET "creator_user_id" = "users"."id" FROM "users"
  WHERE "api_tokens"."created_by"->>'kind' = 'user' AND "users"."id"::text = "api_tokens"."created_by"->>'id';--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_creator_user_id_users_id_fk" FOREIGN KEY ("creator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_creator_idx" ON "api_tokens" USING btree ("creator_user_id") WHERE "api_tokens"."revoked_at" is null;
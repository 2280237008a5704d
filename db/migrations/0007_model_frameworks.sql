ALTER TABLE "models" ADD COLUMN "frameworks" "framework"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE "models" m SET "frameworks" = coalesce((
  SELECT array_agg(DISTINCT v."framework" ORDER BY v."framework") FROM "model_versions" v
  WHERE v."model_id" = m."id" AND v."deleted_at" IS NULL
), '{}');

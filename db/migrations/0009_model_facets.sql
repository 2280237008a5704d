DROP INDEX "models_tags_idx";--> statement-breakpoint
DROP INDEX "models_frameworks_idx";--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "facets" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The keys of server/services/models/facets.ts, from each model's live versions.
UPDATE "models" m SET "facets" = coalesce((
  SELECT array_agg(DISTINCT k ORDER BY k) FROM "model_versions" v,
    LATERAL (
      SELECT 'tag:' || t FROM unnest(v."tags") t
      UNION ALL SELECT 'target:' || v."deployment_target"
      UNION ALL SELECT 'framework:' || v."framework"
      UNION ALL SELECT 'kind:' || v."deployment_target" || '/' || v."framework"
    ) keys(k)
  WHERE v."model_id" = m."id" AND v."deleted_at" IS NULL
), '{}');--> statement-breakpoint
CREATE INDEX "models_facets_idx" ON "models" USING gin ("facets");

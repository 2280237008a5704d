CREATE TYPE "public"."artifact_type" AS ENUM('weights', 'container', 'tokenizer', 'config');--> statement-breakpoint
CREATE TYPE "public"."environment" AS ENUM('staging', 'production');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('open', 'approved', 'changes_requested', 'withdrawn');--> statement-breakpoint
CREATE TABLE "alias_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"from_version_id" uuid,
	"to_version_id" uuid,
	"moved_by" jsonb NOT NULL,
	"comment" text,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "artifacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"type" "artifact_type" NOT NULL,
	"uri" text NOT NULL,
	"sha256" text,
	"size_bytes" bigint,
	"license" text,
	"added_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artifacts_version_uri_unique" UNIQUE("version_id","uri")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"suite" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"passed" boolean NOT NULL,
	"failures" text[] NOT NULL,
	"dataset_ref" text,
	"recorded_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"model_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"version_id" uuid NOT NULL,
	"moved_by" jsonb NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_aliases_model_id_alias_pk" PRIMARY KEY("model_id","alias")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"comment" text,
	"created_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_team_revision_unique" UNIQUE NULLS NOT DISTINCT("team_id","revision")
);
--> statement-breakpoint
CREATE TABLE "version_approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"environment" "environment" NOT NULL,
	"approver" jsonb NOT NULL,
	"approver_is_admin" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "version_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"environment" "environment" NOT NULL,
	"status" "review_status" DEFAULT 'open' NOT NULL,
	"requested_by" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" jsonb
);
--> statement-breakpoint
CREATE TABLE "version_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"from_state" "version_state" NOT NULL,
	"to_state" "version_state" NOT NULL,
	"requested_by" jsonb NOT NULL,
	"decided_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alias_moves" ADD CONSTRAINT "alias_moves_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_moves" ADD CONSTRAINT "alias_moves_from_version_id_model_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alias_moves" ADD CONSTRAINT "alias_moves_to_version_id_model_versions_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_approvals" ADD CONSTRAINT "version_approvals_review_id_version_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."version_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_approvals" ADD CONSTRAINT "version_approvals_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_reviews" ADD CONSTRAINT "version_reviews_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_transitions" ADD CONSTRAINT "version_transitions_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_transitions" ADD CONSTRAINT "version_transitions_review_id_version_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."version_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alias_moves_model_alias_idx" ON "alias_moves" USING btree ("model_id","alias","moved_at");--> statement-breakpoint
CREATE INDEX "evaluations_version_suite_idx" ON "evaluations" USING btree ("version_id","suite","created_at");--> statement-breakpoint
CREATE INDEX "model_aliases_version_idx" ON "model_aliases" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "version_approvals_once_unique" ON "version_approvals" USING btree ("review_id",("approver"->>'id')) WHERE "version_approvals"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "version_approvals_version_idx" ON "version_approvals" USING btree ("version_id","environment");--> statement-breakpoint
CREATE UNIQUE INDEX "version_reviews_open_unique" ON "version_reviews" USING btree ("version_id") WHERE "version_reviews"."status" = 'open';--> statement-breakpoint
CREATE INDEX "version_reviews_version_idx" ON "version_reviews" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "version_reviews_open_idx" ON "version_reviews" USING btree ("created_at") WHERE "version_reviews"."status" = 'open';--> statement-breakpoint
CREATE INDEX "version_transitions_version_idx" ON "version_transitions" USING btree ("version_id","created_at");
CREATE TABLE "access_denials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"client_address" text NOT NULL,
	"actor" jsonb NOT NULL,
	"actor_key" text NOT NULL,
	"action" text NOT NULL,
	"operation" text NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"correlation_id" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"audited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "access_denials_window_unique" ON "access_denials" USING btree ("window_start","client_address","actor_key","action","operation","code") WHERE "access_denials"."audited_at" is null;
ALTER TABLE "audit_chains" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "signature" text;
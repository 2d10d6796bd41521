CREATE TABLE "case_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"resolved_at" timestamp (3) with time zone NOT NULL,
	"language" text NOT NULL,
	"email_id" uuid,
	"status" text DEFAULT 'sent' NOT NULL,
	"is_solved" boolean,
	"satisfaction" smallint,
	"answered_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_loop_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"token_secret" text NOT NULL,
	"inbound_secret_hash" text,
	"inbound_secret_prefix" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_loop_settings_inbound_secret_hash_unique" UNIQUE("inbound_secret_hash")
);
--> statement-breakpoint
CREATE TABLE "case_reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reply_tokens" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "reply_state" text DEFAULT 'unanswered' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "reply_state" text DEFAULT 'unanswered' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_loop_settings" ADD CONSTRAINT "case_loop_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reply_templates" ADD CONSTRAINT "case_reply_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reply_tokens" ADD CONSTRAINT "case_reply_tokens_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reply_tokens" ADD CONSTRAINT "case_reply_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_follow_ups_case_resolution_key" ON "case_follow_ups" USING btree ("case_id","resolved_at");--> statement-breakpoint
CREATE INDEX "case_follow_ups_org_created_idx" ON "case_follow_ups" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_reply_templates_org_name_key" ON "case_reply_templates" USING btree ("organization_id","language",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "case_reply_tokens_token_key" ON "case_reply_tokens" USING btree ("token");--> statement-breakpoint
CREATE INDEX "mentions_unanswered_idx" ON "mentions" USING btree ("organization_id","published_at","id") WHERE "mentions"."reply_state" = 'unanswered';--> statement-breakpoint
CREATE INDEX "responses_unanswered_idx" ON "responses" USING btree ("organization_id","submitted_at","id") WHERE "responses"."reply_state" = 'unanswered' and "responses"."comment" is not null;
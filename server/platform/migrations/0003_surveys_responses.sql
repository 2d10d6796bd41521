CREATE TABLE "response_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"hidden_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score_type" text,
	"score" smallint,
	"score_group" text,
	"comment" text,
	"completed" boolean NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"visitor_id" text,
	"session_id" text,
	"contact_id" uuid,
	"invitation_id" uuid,
	"sentiment" text,
	"sentiment_scores" jsonb,
	"intents" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" jsonb,
	"analysis_status" text DEFAULT 'pending' NOT NULL,
	"analysis_error" text,
	CONSTRAINT "responses_id_submitted_at_pk" PRIMARY KEY("id","submitted_at")
);
--> statement-breakpoint
CREATE TABLE "survey_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"site_id" uuid,
	"trigger" jsonb,
	"position" text,
	"embed_first_question" boolean,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"languages" text[] NOT NULL,
	"default_language" text NOT NULL,
	"hidden_fields" text[] DEFAULT '{}' NOT NULL,
	"template" text,
	"current_version_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"spam_dropped_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "surveys_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "response_keys" ADD CONSTRAINT "response_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_distributions" ADD CONSTRAINT "survey_distributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_distributions" ADD CONSTRAINT "survey_distributions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_distributions" ADD CONSTRAINT "survey_distributions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_touchpoint_id_touchpoints_id_fk" FOREIGN KEY ("touchpoint_id") REFERENCES "public"."touchpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_org_submitted_idx" ON "responses" USING btree ("organization_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "responses_survey_submitted_idx" ON "responses" USING btree ("survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_touchpoint_submitted_idx" ON "responses" USING btree ("organization_id","touchpoint_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_analysis_idx" ON "responses" USING btree ("analysis_status","submitted_at") WHERE "responses"."analysis_status" = 'pending';--> statement-breakpoint
CREATE INDEX "survey_distributions_survey_idx" ON "survey_distributions" USING btree ("survey_id","created_at","id");--> statement-breakpoint
CREATE INDEX "survey_distributions_site_idx" ON "survey_distributions" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_survey_version_key" ON "survey_versions" USING btree ("survey_id","version");--> statement-breakpoint
CREATE INDEX "surveys_org_idx" ON "surveys" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "surveys_touchpoint_idx" ON "surveys" USING btree ("touchpoint_id");
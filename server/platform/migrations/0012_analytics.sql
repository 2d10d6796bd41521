CREATE TABLE "analytics_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"survey_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"audience" text NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"nps_n" integer DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"passives" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"csat_n" integer DEFAULT 0 NOT NULL,
	"csat_top2" integer DEFAULT 0 NOT NULL,
	"csat_sum" double precision DEFAULT 0 NOT NULL,
	"csat_sum_sq" double precision DEFAULT 0 NOT NULL,
	"ces_n" integer DEFAULT 0 NOT NULL,
	"ces_sum" double precision DEFAULT 0 NOT NULL,
	"ces_sum_sq" double precision DEFAULT 0 NOT NULL,
	"commented" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_daily_organization_id_day_survey_id_touchpoint_id_channel_language_audience_pk" PRIMARY KEY("organization_id","day","survey_id","touchpoint_id","channel","language","audience")
);
--> statement-breakpoint
CREATE TABLE "analytics_dirty_days" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_rollup_state" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL,
	"rebuilt_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_theme_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"touchpoint_id" uuid,
	"theme" text NOT NULL,
	"source" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rollup_state" ADD CONSTRAINT "analytics_rollup_state_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_theme_daily" ADD CONSTRAINT "analytics_theme_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_daily_touchpoint_idx" ON "analytics_daily" USING btree ("organization_id","touchpoint_id","day");--> statement-breakpoint
CREATE INDEX "analytics_dirty_days_org_idx" ON "analytics_dirty_days" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "analytics_theme_daily_org_day_idx" ON "analytics_theme_daily" USING btree ("organization_id","day","touchpoint_id");

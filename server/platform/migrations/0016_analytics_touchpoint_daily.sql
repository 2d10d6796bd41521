CREATE TABLE "analytics_touchpoint_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
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
	CONSTRAINT "analytics_touchpoint_daily_organization_id_day_touchpoint_id_audience_pk" PRIMARY KEY("organization_id","day","touchpoint_id","audience")
);
--> statement-breakpoint
ALTER TABLE "analytics_touchpoint_daily" ADD CONSTRAINT "analytics_touchpoint_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
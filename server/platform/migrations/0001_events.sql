CREATE TABLE "behaviour_flow_days" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"from_key" text NOT NULL,
	"to_key" text NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "behaviour_flow_days_organization_id_day_from_key_to_key_pk" PRIMARY KEY("organization_id","day","from_key","to_key")
);
--> statement-breakpoint
CREATE TABLE "behaviour_funnel_days" (
	"organization_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"day" date NOT NULL,
	"device" text NOT NULL,
	"source" text NOT NULL,
	"is_returning" boolean NOT NULL,
	"step_index" integer NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "behaviour_funnel_days_funnel_id_day_device_source_is_returning_step_index_pk" PRIMARY KEY("funnel_id","day","device","source","is_returning","step_index")
);
--> statement-breakpoint
CREATE TABLE "behaviour_page_days" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"path" text NOT NULL,
	"touchpoint_id" uuid,
	"pageviews" integer NOT NULL,
	"visitors" integer NOT NULL,
	"sessions" integer NOT NULL,
	"entries" integer NOT NULL,
	"exits" integer NOT NULL,
	"engaged_ms" bigint NOT NULL,
	"engagements" integer NOT NULL,
	"scroll_sum" bigint NOT NULL,
	"searches" integer NOT NULL,
	"zero_result_searches" integer NOT NULL,
	"lcp_hist" integer[] NOT NULL,
	"inp_hist" integer[] NOT NULL,
	"cls_hist" integer[] NOT NULL,
	"ttfb_hist" integer[] NOT NULL,
	"load_hist" integer[] NOT NULL,
	CONSTRAINT "behaviour_page_days_organization_id_day_path_pk" PRIMARY KEY("organization_id","day","path")
);
--> statement-breakpoint
CREATE TABLE "behaviour_rollup_state" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"processed_until" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "behaviour_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "behaviour_search_days" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"query" text NOT NULL,
	"searches" integer NOT NULL,
	"zero_results" integer NOT NULL,
	"exits" integer NOT NULL,
	CONSTRAINT "behaviour_search_days_organization_id_day_query_pk" PRIMARY KEY("organization_id","day","query")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"type" text NOT NULL,
	"name" text,
	"value" double precision,
	"visitor_hash" text NOT NULL,
	"session_id" text NOT NULL,
	"customer_id" text,
	"host" text NOT NULL,
	"path" text NOT NULL,
	"referrer_host" text,
	"source" text,
	"device" text NOT NULL,
	"touchpoint_id" uuid,
	"properties" jsonb,
	"flags" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "events_pkey" PRIMARY KEY("site_id","id","occurred_at")
);
--> statement-breakpoint
CREATE TABLE "funnels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "respect_privacy_signals" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "behaviour_flow_days" ADD CONSTRAINT "behaviour_flow_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_funnel_days" ADD CONSTRAINT "behaviour_funnel_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_funnel_days" ADD CONSTRAINT "behaviour_funnel_days_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_page_days" ADD CONSTRAINT "behaviour_page_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_rollup_state" ADD CONSTRAINT "behaviour_rollup_state_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "behaviour_search_days" ADD CONSTRAINT "behaviour_search_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "behaviour_funnel_days_org_idx" ON "behaviour_funnel_days" USING btree ("organization_id","funnel_id","day");--> statement-breakpoint
CREATE INDEX "events_org_occurred_idx" ON "events" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_org_received_idx" ON "events" USING btree ("organization_id","received_at");--> statement-breakpoint
CREATE INDEX "events_org_session_idx" ON "events" USING btree ("organization_id","session_id","occurred_at");--> statement-breakpoint
CREATE INDEX "funnels_org_idx" ON "funnels" USING btree ("organization_id","created_at","id");
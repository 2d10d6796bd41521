CREATE TABLE "analytics_driver_results" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"is_computing" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp (3) with time zone,
	"n" integer DEFAULT 0 NOT NULL,
	"r2" double precision,
	"insufficient_data" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"error" text,
	CONSTRAINT "analytics_driver_results_organization_id_kind_period_from_period_to_pk" PRIMARY KEY("organization_id","kind","period_from","period_to")
);
--> statement-breakpoint
ALTER TABLE "analytics_driver_results" ADD CONSTRAINT "analytics_driver_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
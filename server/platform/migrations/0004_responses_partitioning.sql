-- Responses are partitioned by month of submitted_at (DESIGN §2): old months can be detached, archived or
-- dropped cheaply and time-bounded explorer queries touch few partitions. The table drizzle-kit created is
-- empty; it is recreated with the same columns, key (which includes submitted_at, as partitioning requires),
-- foreign keys and indexes. Idempotency across partitions is kept by response_keys (primary key on the client
-- id). loupe_ensure_response_partitions(from, to) creates missing months; ingestion and the demo seed call it
-- before writing.
DROP TABLE "responses";
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
) PARTITION BY RANGE ("submitted_at");
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "responses_org_submitted_idx" ON "responses" USING btree ("organization_id","submitted_at","id");
--> statement-breakpoint
CREATE INDEX "responses_survey_submitted_idx" ON "responses" USING btree ("survey_id","submitted_at");
--> statement-breakpoint
CREATE INDEX "responses_touchpoint_submitted_idx" ON "responses" USING btree ("organization_id","touchpoint_id","submitted_at");
--> statement-breakpoint
CREATE INDEX "responses_analysis_idx" ON "responses" USING btree ("analysis_status","submitted_at") WHERE "responses"."analysis_status" = 'pending';
--> statement-breakpoint
CREATE FUNCTION loupe_ensure_response_partitions(from_at timestamptz, to_at timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	month_start timestamptz := date_trunc('month', from_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
	created integer := 0;
	partition_name text;
BEGIN
	-- Serialises concurrent callers (several API nodes starting a new month at once).
	PERFORM pg_advisory_xact_lock(7301884114);
	WHILE month_start <= to_at LOOP
		partition_name := 'responses_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
		IF to_regclass(partition_name) IS NULL THEN
			EXECUTE format(
				'CREATE TABLE IF NOT EXISTS %I PARTITION OF responses FOR VALUES FROM (%L) TO (%L)',
				partition_name, month_start, month_start + interval '1 month'
			);
			created := created + 1;
		END IF;
		month_start := month_start + interval '1 month';
	END LOOP;
	RETURN created;
END $$;

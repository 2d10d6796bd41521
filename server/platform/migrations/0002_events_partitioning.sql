-- Behaviour events are partitioned by month of occurred_at (DESIGN §2): old months can be detached or dropped
-- cheaply, and day recomputes touch one partition. The table drizzle-kit created is empty; it is recreated with
-- the same columns, key and indexes. loupe_ensure_event_partitions(from, to) creates missing months; ingestion,
-- the demo seed and the benchmark call it before writing.
DROP TABLE "events";
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
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE INDEX "events_org_occurred_idx" ON "events" USING btree ("organization_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "events_org_received_idx" ON "events" USING btree ("organization_id","received_at");
--> statement-breakpoint
CREATE INDEX "events_org_session_idx" ON "events" USING btree ("organization_id","session_id","occurred_at");
--> statement-breakpoint
CREATE FUNCTION loupe_ensure_event_partitions(from_at timestamptz, to_at timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	month_start timestamptz := date_trunc('month', from_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
	created integer := 0;
	partition_name text;
BEGIN
	-- Serialises concurrent callers (several API nodes starting a new month at once).
	PERFORM pg_advisory_xact_lock(7301884113);
	WHILE month_start <= to_at LOOP
		partition_name := 'events_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
		IF to_regclass(partition_name) IS NULL THEN
			EXECUTE format(
				'CREATE TABLE IF NOT EXISTS %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
				partition_name, month_start, month_start + interval '1 month'
			);
			created := created + 1;
		END IF;
		month_start := month_start + interval '1 month';
	END LOOP;
	RETURN created;
END $$;

-- Dirty tracking for the insights rollups: statement-level triggers append the (organization, local day) pairs
-- a statement touched to analytics_dirty_days, in the writer's own transaction. One INSERT … SELECT DISTINCT per
-- statement (a batch of 250 new responses costs one small insert), and every write path is covered — the batched
-- writer, continued partial responses, text (re-)analysis, corrections, deletions and the demo seed alike. The day
-- is the calendar day of submitted_at (responses) or published_at (mentions) in organizations.timezone.
CREATE FUNCTION loupe_analytics_mark_responses() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		INSERT INTO analytics_dirty_days (organization_id, day)
		SELECT DISTINCT r.organization_id, (r.submitted_at AT TIME ZONE o.timezone)::date
		FROM old_rows r JOIN organizations o ON o.id = r.organization_id
		WHERE r.completed;
	ELSE
		-- submitted_at never changes and a completed response never reverts, so the new rows name every day.
		INSERT INTO analytics_dirty_days (organization_id, day)
		SELECT DISTINCT r.organization_id, (r.submitted_at AT TIME ZONE o.timezone)::date
		FROM new_rows r JOIN organizations o ON o.id = r.organization_id
		WHERE r.completed;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_responses_insert AFTER INSERT ON responses
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_responses();
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_responses_update AFTER UPDATE ON responses
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_responses();
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_responses_delete AFTER DELETE ON responses
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_responses();
--> statement-breakpoint
CREATE FUNCTION loupe_analytics_mark_mentions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO analytics_dirty_days (organization_id, day)
		SELECT DISTINCT m.organization_id, (m.published_at AT TIME ZONE o.timezone)::date
		FROM old_rows m JOIN organizations o ON o.id = m.organization_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO analytics_dirty_days (organization_id, day)
		SELECT DISTINCT m.organization_id, (m.published_at AT TIME ZONE o.timezone)::date
		FROM new_rows m JOIN organizations o ON o.id = m.organization_id;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_mentions_insert AFTER INSERT ON mentions
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_mentions();
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_mentions_update AFTER UPDATE ON mentions
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_mentions();
--> statement-breakpoint
CREATE TRIGGER analytics_dirty_mentions_delete AFTER DELETE ON mentions
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION loupe_analytics_mark_mentions();

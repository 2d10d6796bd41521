// Recomputes the daily behaviour rollups of one organization for a set of days (in its timezone) from the raw
// events: delete the days' rows, insert fresh ones — idempotent, so late events simply recompute their day.
// The days' events are copied once into a narrow temporary table (the JSON properties the rollups need are
// extracted into columns: PGlite writes wide temporary rows slowly) that every rollup reads.
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { EVENT_FLAGS } from "../contract";
import { sqlBucketOf, VITAL_METRICS } from "../histogram";
import { type FunnelDefinition, funnelInsertSql } from "./funnel-sql";

export type RecomputeScope = { organizationId: string; timezone: string; days: string[] };

async function loadDayEvents(tx: Db, scope: RecomputeScope): Promise<void> {
	const sorted = [...scope.days].sort();
	const first = sorted[0] as string;
	const last = sorted[sorted.length - 1] as string;
	await tx.execute(sql`drop table if exists behaviour_day_events`);
	await tx.execute(sql`
		create temp table behaviour_day_events on commit drop as
		select (e.occurred_at at time zone ${scope.timezone})::date as day, e.id, e.occurred_at, e.type, e.name, e.value,
			e.visitor_hash, e.session_id, e.host, e.path, e.source, e.device, e.touchpoint_id, e.flags,
			${sql.raw(PROPERTY_COLUMNS.map((c) => `case when jsonb_typeof(e.properties->'${c}') = 'number' then (e.properties->>'${c}')::float8 end as prop_${c}`).join(", "))}
		from events e
		where e.organization_id = ${scope.organizationId}
			and e.occurred_at >= (${first}::date - 1)::timestamp at time zone 'UTC'
			and e.occurred_at < (${last}::date + 2)::timestamp at time zone 'UTC'
			and (e.occurred_at at time zone ${scope.timezone})::date in (select unnest(${sql.param(sorted)}::date[]))`);
	await tx.execute(sql`create index on behaviour_day_events (day, session_id, occurred_at)`);
	await tx.execute(sql`analyze behaviour_day_events`);
	await tx.execute(sql`set local work_mem = '64MB'`);
}

const PROPERTY_COLUMNS = ["scroll", ...VITAL_METRICS] as const;

const vitalHistSql = () => {
	const parts = VITAL_METRICS.map((metric) => {
		const value = metric === "cls" ? "prop_cls * 1000" : `prop_${metric}`;
		return `select day, path, '${metric}' as metric, ${sqlBucketOf(value)} as bucket
			from behaviour_day_events where type = 'web_vital' and prop_${metric} is not null`;
	});
	return `vital_buckets as (
		select day, path, metric, bucket, count(*)::int as n from (${parts.join(" union all ")}) v group by 1, 2, 3, 4
	), vital_metrics as (
		select day, path, metric, jsonb_object_agg(bucket::text, n) as h from vital_buckets group by 1, 2, 3
	), vitals as (
		select day, path, jsonb_object_agg(metric, h) as vital_hist from vital_metrics group by 1, 2
	)`;
};

async function insertPageDays(tx: Db, organizationId: string): Promise<void> {
	await tx.execute(
		sql.raw(`
		with pv as (
			select day, path, touchpoint_id, visitor_hash, session_id,
				row_number() over w as from_start, count(*) over (partition by day, session_id) as session_views
			from behaviour_day_events where type = 'pageview'
			window w as (partition by day, session_id order by occurred_at, id)
		), traffic as (
			select day, path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id,
				count(*)::int as pageviews, count(distinct visitor_hash)::int as visitors,
				count(distinct session_id)::int as sessions,
				count(*) filter (where from_start = 1)::int as entries, count(*) filter (where from_start = session_views)::int as exits
			from pv group by day, path
		), engagement as (
			select day, path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id,
				coalesce(sum(value), 0)::bigint as engaged_ms, count(*)::int as engagements,
				coalesce(sum(least(100, greatest(0, coalesce(prop_scroll, 0)))), 0)::bigint as scroll_sum
			from behaviour_day_events where type = 'engagement' group by day, path
		), searches as (
			select day, path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id,
				count(*)::int as searches, count(*) filter (where flags & ${EVENT_FLAGS.zeroResults} <> 0)::int as zero_results
			from behaviour_day_events where type = 'search' group by day, path
		), ${vitalHistSql()}, vital_tp as (
			select day, path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id
			from behaviour_day_events where type = 'web_vital' group by day, path
		), keys as (
			select day, path from traffic union select day, path from engagement
			union select day, path from searches union select day, path from vitals
		)
		insert into behaviour_page_days (organization_id, day, path, touchpoint_id, pageviews, visitors, sessions,
			entries, exits, engaged_ms, engagements, scroll_sum, searches, zero_result_searches, vital_hist)
		select '${organizationId}'::uuid, k.day, k.path,
			coalesce(t.touchpoint_id, e.touchpoint_id, s.touchpoint_id, vt.touchpoint_id),
			coalesce(t.pageviews, 0), coalesce(t.visitors, 0), coalesce(t.sessions, 0), coalesce(t.entries, 0),
			coalesce(t.exits, 0), coalesce(e.engaged_ms, 0), coalesce(e.engagements, 0), coalesce(e.scroll_sum, 0),
			coalesce(s.searches, 0), coalesce(s.zero_results, 0), coalesce(v.vital_hist, '{}'::jsonb)
		from keys k
		left join traffic t using (day, path)
		left join engagement e using (day, path)
		left join searches s using (day, path)
		left join vitals v using (day, path)
		left join vital_tp vt using (day, path)`),
	);
}

async function insertSearchDays(tx: Db, organizationId: string): Promise<void> {
	await tx.execute(
		sql.raw(`
		with last_view as (
			select day, session_id, max(occurred_at) as last_at from behaviour_day_events where type = 'pageview'
			group by day, session_id
		)
		insert into behaviour_search_days (organization_id, day, query, searches, zero_results, exits)
		select '${organizationId}'::uuid, s.day, s.name, count(*)::int,
			count(*) filter (where s.flags & ${EVENT_FLAGS.zeroResults} <> 0)::int,
			count(*) filter (where l.last_at is null or l.last_at <= s.occurred_at)::int
		from behaviour_day_events s left join last_view l using (day, session_id)
		where s.type = 'search' and s.name is not null and s.name <> ''
		group by s.day, s.name`),
	);
}

/** Transitions between touchpoints within sessions; repeated views of one touchpoint count once. */
async function insertFlowDays(tx: Db, organizationId: string): Promise<void> {
	await tx.execute(
		sql.raw(`
		with keyed as (
			select day, session_id, occurred_at, id, coalesce(touchpoint_id::text, 'other') as node,
				lag(coalesce(touchpoint_id::text, 'other')) over (partition by day, session_id order by occurred_at, id) as before
			from behaviour_day_events where type = 'pageview'
		), visits as (
			select day, session_id, node,
				coalesce(lag(node) over w, 'entry') as from_node,
				lead(node) over w is null as is_last
			from keyed where before is distinct from node
			window w as (partition by day, session_id order by occurred_at, id)
		), transitions as (
			select day, from_node, node as to_node from visits
			union all select day, node, 'exit' from visits where is_last
		)
		insert into behaviour_flow_days (organization_id, day, from_key, to_key, sessions)
		select '${organizationId}'::uuid, day, from_node, to_node, count(*)::int from transitions group by 1, 2, 3, 4`),
	);
}

export async function recomputeFunnelDays(tx: Db, organizationId: string, funnel: FunnelDefinition): Promise<void> {
	await tx.execute(funnelInsertSql(organizationId, funnel));
}

/** Recomputes every rollup of the days; `funnels` are the organization's saved funnels. */
export async function recomputeDays(db: Db, scope: RecomputeScope, funnelList: FunnelDefinition[]): Promise<void> {
	if (scope.days.length === 0) return;
	// The id is spliced into the larger statements as text: make sure it is nothing but a uuid.
	if (!/^[0-9a-f-]{36}$/i.test(scope.organizationId)) throw new Error("organization id is not a uuid");
	await db.transaction(async (tx) => {
		await loadDayEvents(tx, scope);
		const days = scope.days;
		await tx.execute(
			sql`delete from behaviour_page_days where organization_id = ${scope.organizationId} and day in (select unnest(${sql.param(days)}::date[]))`,
		);
		await tx.execute(
			sql`delete from behaviour_search_days where organization_id = ${scope.organizationId} and day in (select unnest(${sql.param(days)}::date[]))`,
		);
		await tx.execute(
			sql`delete from behaviour_flow_days where organization_id = ${scope.organizationId} and day in (select unnest(${sql.param(days)}::date[]))`,
		);
		await tx.execute(
			sql`delete from behaviour_funnel_days where organization_id = ${scope.organizationId} and day in (select unnest(${sql.param(days)}::date[]))`,
		);
		await insertPageDays(tx, scope.organizationId);
		await insertSearchDays(tx, scope.organizationId);
		await insertFlowDays(tx, scope.organizationId);
		for (const funnel of funnelList) await recomputeFunnelDays(tx, scope.organizationId, funnel);
	});
}

/** Loads the given days' events into the temporary table for a funnel-only recompute. */
export async function recomputeFunnel(db: Db, scope: RecomputeScope, funnel: FunnelDefinition): Promise<void> {
	if (scope.days.length === 0) return;
	await db.transaction(async (tx) => {
		await loadDayEvents(tx, scope);
		await tx.execute(
			sql`delete from behaviour_funnel_days where funnel_id = ${funnel.id} and day in (select unnest(${sql.param(scope.days)}::date[]))`,
		);
		await recomputeFunnelDays(tx, scope.organizationId, funnel);
	});
}

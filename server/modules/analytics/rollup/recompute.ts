// Recomputes the insights rollups of one organization from the raw rows: for a set of days (delete the days'
// rows, insert fresh ones — idempotent, so late data, re-analysis and deletions simply recompute their day) or
// for its whole history in one bulk statement per table (first run, time zone change, demo seed).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";

export type RollupScope = { organizationId: string; timezone: string };

/** The KpiSummary of lib/stats/summary.ts as SQL aggregates (same rules: NPS 9–10/7–8/0–6, CSAT top-2 = 4–5). */
const SUMMARY_COLUMNS = `responses, nps_n, promoters, passives, detractors, csat_n, csat_top2, csat_sum, csat_sum_sq,
	ces_n, ces_sum, ces_sum_sq, commented, positive, neutral, negative, complaints`;
const SUMMARY_AGGREGATES = `count(*),
	count(*) filter (where r.score_type = 'nps' and r.score is not null),
	count(*) filter (where r.score_type = 'nps' and r.score >= 9),
	count(*) filter (where r.score_type = 'nps' and r.score between 7 and 8),
	count(*) filter (where r.score_type = 'nps' and r.score <= 6),
	count(*) filter (where r.score_type = 'csat' and r.score is not null),
	count(*) filter (where r.score_type = 'csat' and r.score >= 4),
	coalesce(sum(r.score) filter (where r.score_type = 'csat'), 0)::float8,
	coalesce(sum(r.score * r.score) filter (where r.score_type = 'csat'), 0)::float8,
	count(*) filter (where r.score_type = 'ces' and r.score is not null),
	coalesce(sum(r.score) filter (where r.score_type = 'ces'), 0)::float8,
	coalesce(sum(r.score * r.score) filter (where r.score_type = 'ces'), 0)::float8,
	count(r.sentiment),
	count(*) filter (where r.sentiment = 'positive'),
	count(*) filter (where r.sentiment = 'neutral'),
	count(*) filter (where r.sentiment = 'negative'),
	count(*) filter (where 'complaint' = any(r.intents))`;

const themeElements = (column: string) =>
	sql.raw(`jsonb_array_elements(case when jsonb_typeof(${column}) = 'array' then ${column} else '[]'::jsonb end)`);

/** Rows of `alias` whose local day is one of `days`; the UTC bounds (±1 day for any offset) prune partitions. */
function dayFilter(scope: RollupScope, column: string, days: string[] | "all"): SQL {
	if (days === "all") return sql`true`;
	const sorted = [...days].sort();
	const c = sql.raw(column);
	return sql`${c} >= (${sorted[0]}::date - 1)::timestamp at time zone 'UTC'
		and ${c} < (${sorted[sorted.length - 1]}::date + 2)::timestamp at time zone 'UTC'
		and (${c} at time zone ${scope.timezone})::date = any(${sql.param(sorted)}::date[])`;
}

async function insertFromRaw(tx: Db, scope: RollupScope, days: string[] | "all"): Promise<void> {
	const org = scope.organizationId;
	await tx.execute(sql`
		insert into analytics_daily (organization_id, day, survey_id, touchpoint_id, channel, language, audience,
			${sql.raw(SUMMARY_COLUMNS)})
		select r.organization_id, (r.submitted_at at time zone ${scope.timezone})::date, r.survey_id, r.touchpoint_id,
			r.channel, r.language, r.audience, ${sql.raw(SUMMARY_AGGREGATES)}
		from responses r
		where r.organization_id = ${org} and r.completed and ${dayFilter(scope, "r.submitted_at", days)}
		group by 1, 2, 3, 4, 5, 6, 7`);
	const sums = sql.raw(
		SUMMARY_COLUMNS.split(",")
			.map((c) => `sum(${c.trim()})`)
			.join(", "),
	);
	const dayList = days === "all" ? sql`true` : sql`d.day = any(${sql.param(days)}::date[])`;
	await tx.execute(sql`
		insert into analytics_touchpoint_daily (organization_id, day, touchpoint_id, audience, ${sql.raw(SUMMARY_COLUMNS)})
		select d.organization_id, d.day, d.touchpoint_id, d.audience, ${sums}
		from analytics_daily d where d.organization_id = ${org} and ${dayList}
		group by 1, 2, 3, 4`);
	await tx.execute(sql`
		insert into analytics_theme_daily (organization_id, day, touchpoint_id, theme, source, count, negative, positive)
		select r.organization_id, (r.submitted_at at time zone ${scope.timezone})::date, r.touchpoint_id, t->>'theme',
			'response', count(*), count(*) filter (where t->>'sentiment' = 'negative'),
			count(*) filter (where t->>'sentiment' = 'positive')
		from responses r cross join lateral ${themeElements("r.themes")} t
		where r.organization_id = ${org} and r.completed and r.audience = 'customer' and r.themes is not null
			and t->>'theme' is not null and ${dayFilter(scope, "r.submitted_at", days)}
		group by 1, 2, 3, 4`);
	await tx.execute(sql`
		insert into analytics_theme_daily (organization_id, day, touchpoint_id, theme, source, count, negative, positive)
		select m.organization_id, (m.published_at at time zone ${scope.timezone})::date, m.touchpoint_id, t->>'theme',
			'mention', count(*), count(*) filter (where t->>'sentiment' = 'negative'),
			count(*) filter (where t->>'sentiment' = 'positive')
		from mentions m cross join lateral ${themeElements("m.themes")} t
		where m.organization_id = ${org} and m.themes is not null and t->>'theme' is not null
			and ${dayFilter(scope, "m.published_at", days)}
		group by 1, 2, 3, 4`);
}

async function deleteRollups(tx: Db, organizationId: string, days: string[] | "all"): Promise<void> {
	const which = days === "all" ? sql`true` : sql`day = any(${sql.param(days)}::date[])`;
	await tx.execute(sql`delete from analytics_daily where organization_id = ${organizationId} and ${which}`);
	await tx.execute(sql`delete from analytics_touchpoint_daily where organization_id = ${organizationId} and ${which}`);
	await tx.execute(sql`delete from analytics_theme_daily where organization_id = ${organizationId} and ${which}`);
}

/** Splits sorted days into runs without long gaps, so one late day from last year does not scan the whole year. */
export function daySpans(days: string[], maxGapDays = 7): string[][] {
	const sorted = [...new Set(days)].sort();
	const spans: string[][] = [];
	let last = Number.NEGATIVE_INFINITY;
	for (const day of sorted) {
		const t = Date.parse(`${day}T00:00:00Z`);
		if (t - last > maxGapDays * 86400_000 || spans.length === 0) spans.push([]);
		spans[spans.length - 1]?.push(day);
		last = t;
	}
	return spans;
}

/** Recomputes the given days (in the caller's transaction). */
export async function recomputeDays(tx: Db, scope: RollupScope, days: string[]): Promise<void> {
	if (days.length === 0) return;
	await deleteRollups(tx, scope.organizationId, days);
	for (const span of daySpans(days)) await insertFromRaw(tx, scope, span);
}

/** Rebuilds the organization's whole history (in the caller's transaction); marks it built in `timezone`. */
export async function rebuildAll(tx: Db, scope: RollupScope, now: Date): Promise<void> {
	await tx.execute(sql`delete from analytics_dirty_days where organization_id = ${scope.organizationId}`);
	await deleteRollups(tx, scope.organizationId, "all");
	await insertFromRaw(tx, scope, "all");
	await tx.execute(sql`
		insert into analytics_rollup_state (organization_id, timezone, rebuilt_at, updated_at)
		values (${scope.organizationId}, ${scope.timezone}, ${now.toISOString()}, ${now.toISOString()})
		on conflict (organization_id) do update set timezone = excluded.timezone, rebuilt_at = excluded.rebuilt_at,
			updated_at = excluded.updated_at`);
}

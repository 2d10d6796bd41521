// KPI summaries read from the daily rollups only: one merged summary, one per touchpoint, or a series per
// day/week/month. Every rollup row is an additive KpiSummary, so merging is a SUM in SQL.
import { sql } from "drizzle-orm";
import { emptySummary, type KpiSummary } from "../../../../lib/stats/summary";
import type { Ctx } from "../../../platform/context";
import {
	addDays,
	dailyWhere,
	dayOf,
	type KpiFilter,
	num,
	queryRows,
	type ResolvedFilter,
	resolveFilter,
	rollupOf,
} from "./scope";

export type { KpiFilter } from "./scope";

const FIELDS: [keyof KpiSummary, string][] = [
	["responses", "responses"],
	["npsN", "nps_n"],
	["promoters", "promoters"],
	["passives", "passives"],
	["detractors", "detractors"],
	["csatN", "csat_n"],
	["csatTop2", "csat_top2"],
	["csatSum", "csat_sum"],
	["csatSumSq", "csat_sum_sq"],
	["cesN", "ces_n"],
	["cesSum", "ces_sum"],
	["cesSumSq", "ces_sum_sq"],
	["commented", "commented"],
	["positive", "positive"],
	["neutral", "neutral"],
	["negative", "negative"],
	["complaints", "complaints"],
];
/** Sums as float8: exact for these integers, and a number (not a bigint string) from both drivers. */
const SUMS = sql.raw(FIELDS.map(([, column]) => `coalesce(sum(d.${column}), 0)::float8 as ${column}`).join(", "));

type SummaryRow = Record<string, unknown>;
export function summaryOfRow(row: SummaryRow): KpiSummary {
	const summary = emptySummary();
	for (const [field, column] of FIELDS) summary[field] = num(row[column]);
	return summary;
}

/** One summary of every response the filter selects. */
export async function summaryOf(ctx: Ctx, filter: KpiFilter): Promise<KpiSummary> {
	return summaryIn(ctx, await resolveFilter(ctx, filter));
}

export async function summaryIn(ctx: Ctx, filter: ResolvedFilter): Promise<KpiSummary> {
	const [row] = await queryRows<SummaryRow>(
		ctx.db,
		sql`select ${SUMS} from ${rollupOf(filter)} d where ${dailyWhere(ctx, filter)}`,
	);
	return row ? summaryOfRow(row) : emptySummary();
}

/** One summary per touchpoint with responses in the filter. */
export async function summariesByTouchpoint(ctx: Ctx, filter: KpiFilter): Promise<Map<string, KpiSummary>> {
	return summariesByTouchpointIn(ctx, await resolveFilter(ctx, filter));
}

export async function summariesByTouchpointIn(ctx: Ctx, filter: ResolvedFilter): Promise<Map<string, KpiSummary>> {
	const rows = await queryRows<SummaryRow & { touchpoint_id: string }>(
		ctx.db,
		sql`select d.touchpoint_id, ${SUMS} from ${rollupOf(filter)} d where ${dailyWhere(ctx, filter)}
			group by d.touchpoint_id`,
	);
	return new Map(rows.map((row) => [row.touchpoint_id, summaryOfRow(row)]));
}

/** The start (a day) of the bucket `day` falls in: ISO weeks start on Monday, months on the 1st. */
export function bucketStart(day: string, interval: "day" | "week" | "month"): string {
	if (interval === "day") return day;
	if (interval === "month") return `${day.slice(0, 7)}-01`;
	const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
	return addDays(day, -weekday);
}

/** Every bucket from the one holding `from` to the one holding `to`, empty ones included (charts need the gaps). */
export async function seriesOf(
	ctx: Ctx,
	filter: KpiFilter,
	interval: "day" | "week" | "month",
): Promise<{ start: string; summary: KpiSummary }[]> {
	return seriesIn(ctx, await resolveFilter(ctx, filter), interval);
}

export async function seriesIn(
	ctx: Ctx,
	filter: ResolvedFilter,
	interval: "day" | "week" | "month",
): Promise<{ start: string; summary: KpiSummary }[]> {
	const rows = await queryRows<SummaryRow & { start: string | Date }>(
		ctx.db,
		sql`select to_char(date_trunc(${interval}, d.day::timestamp), 'YYYY-MM-DD') as start, ${SUMS}
			from ${rollupOf(filter)} d where ${dailyWhere(ctx, filter)} group by 1`,
	);
	return bucketsOf(new Map(rows.map((row) => [String(row.start), summaryOfRow(row)])), filter, interval);
}

function nextMonth(start: string): string {
	const year = Number(start.slice(0, 4));
	const month = Number(start.slice(5, 7));
	return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/**
 * The series of [from, to] and the summary of the period just before it (previousFrom … from − 1) in one scan of
 * the rollup: the period's own summary is the merge of its buckets.
 */
export async function seriesWithPreviousIn(
	ctx: Ctx,
	filter: ResolvedFilter,
	interval: "day" | "week" | "month",
	previousFrom: Date,
): Promise<{ series: { start: string; summary: KpiSummary }[]; previous: KpiSummary }> {
	const from = dayOf(filter.from);
	const rows = await queryRows<SummaryRow & { start: string }>(
		ctx.db,
		sql`select case when d.day < ${from}::date then 'previous'
				else to_char(date_trunc(${interval}, d.day::timestamp), 'YYYY-MM-DD') end as start, ${SUMS}
			from ${rollupOf(filter)} d where ${dailyWhere(ctx, { ...filter, from: previousFrom })} group by 1`,
	);
	const byStart = new Map(rows.map((row) => [String(row.start), summaryOfRow(row)]));
	return { series: bucketsOf(byStart, filter, interval), previous: byStart.get("previous") ?? emptySummary() };
}

function bucketsOf(byStart: Map<string, KpiSummary>, filter: ResolvedFilter, interval: "day" | "week" | "month") {
	const series: { start: string; summary: KpiSummary }[] = [];
	const last = dayOf(filter.to);
	for (let start = bucketStart(dayOf(filter.from), interval); start <= last; ) {
		series.push({ start, summary: byStart.get(start) ?? emptySummary() });
		start = interval === "day" ? addDays(start, 1) : interval === "week" ? addDays(start, 7) : nextMonth(start);
	}
	return series;
}

/** Per touchpoint: the summaries of [from, to] and of the period previousFrom … from − 1, in one scan. */
export async function touchpointSummariesWithPreviousIn(
	ctx: Ctx,
	filter: ResolvedFilter,
	previousFrom: Date,
): Promise<{ current: Map<string, KpiSummary>; previous: Map<string, KpiSummary> }> {
	const rows = await queryRows<SummaryRow & { touchpoint_id: string; is_previous: boolean }>(
		ctx.db,
		sql`select d.touchpoint_id, d.day < ${dayOf(filter.from)}::date as is_previous, ${SUMS}
			from ${rollupOf(filter)} d where ${dailyWhere(ctx, { ...filter, from: previousFrom })} group by 1, 2`,
	);
	const current = new Map<string, KpiSummary>();
	const previous = new Map<string, KpiSummary>();
	for (const row of rows) (row.is_previous ? previous : current).set(row.touchpoint_id, summaryOfRow(row));
	return { current, previous };
}

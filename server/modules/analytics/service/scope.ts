// What a KPI filter means on the rollups: days, the journey's touchpoints, and the WHERE clause on analytics_daily.
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { JourneyDetailView } from "../../journey/contract";
import { findJourneys } from "../../journey/service/journeys";
import { findTouchpointNames, getJourneyDetail } from "../../journey/service/load";
import { getSurveyInOrg } from "../../surveys/service/load";

/**
 * `from` and `to` are inclusive days: the calendar day of each Date in UTC (pass `new Date("2026-11-01")`), which
 * is then a day in the organization's time zone, the zone the rollups are cut in.
 */
export type KpiFilter = {
	from: Date;
	to: Date;
	touchpointIds?: string[];
	stageId?: string;
	journeyId?: string;
	surveyId?: string;
	channel?: string;
	language?: string;
	audience?: "customer" | "employee";
};

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const dateOfDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) =>
	dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000));
export const daysBetween = (from: string, to: string) =>
	Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000) + 1;

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
	return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** pg returns bigint/numeric as strings; PGlite as numbers. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The organization's journeys with stages and touchpoints (a handful; bounded by the journey module's limits). */
export async function findJourneyDetails(ctx: Ctx): Promise<JourneyDetailView[]> {
	const page = await findJourneys(ctx, { limit: 200 });
	const details: JourneyDetailView[] = [];
	for (const journey of [...page.items].reverse())
		details.push(await getJourneyDetail(ctx.db, ctx.organizationId, journey.id));
	return details;
}

/**
 * The touchpoints a filter is limited to (undefined: no limit). Unknown ids of any kind — another organization's
 * included — are not_found, so a typo never reads as "no data".
 */
export async function touchpointsOfFilter(ctx: Ctx, filter: KpiFilter): Promise<string[] | undefined> {
	let ids: string[] | undefined;
	const intersect = (next: string[]) => {
		ids = ids ? ids.filter((id) => next.includes(id)) : next;
	};
	if (filter.touchpointIds?.length) {
		const known = await findTouchpointNames(ctx.db, ctx.organizationId, filter.touchpointIds);
		if (filter.touchpointIds.some((id) => !known.has(id))) throw notFound("Touchpoint");
		intersect(filter.touchpointIds);
	}
	if (filter.journeyId || filter.stageId) {
		const journeys = filter.journeyId
			? [await getJourneyDetail(ctx.db, ctx.organizationId, filter.journeyId)]
			: await findJourneyDetails(ctx);
		if (filter.journeyId) intersect(journeys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints.map((t) => t.id))));
		if (filter.stageId) {
			const stage = journeys.flatMap((j) => j.stages).find((s) => s.id === filter.stageId);
			if (!stage) throw notFound("Stage");
			intersect(stage.touchpoints.map((t) => t.id));
		}
	}
	if (filter.surveyId) await getSurveyInOrg(ctx.db, ctx.organizationId, filter.surveyId);
	return ids;
}

/** A filter whose journey and stage became the touchpoint list `touchpointIds` (undefined: all touchpoints). */
export type ResolvedFilter = Omit<KpiFilter, "stageId" | "journeyId" | "touchpointIds"> & {
	touchpointIds: string[] | undefined;
};

export async function resolveFilter(ctx: Ctx, filter: KpiFilter): Promise<ResolvedFilter> {
	const touchpointIds = await touchpointsOfFilter(ctx, filter);
	const { stageId: _stage, journeyId: _journey, ...rest } = filter;
	return { ...rest, touchpointIds };
}

/** Without survey, channel and language filters the narrower per-touchpoint rollup answers the same question. */
export function rollupOf(filter: ResolvedFilter): SQL {
	const isNarrow = !filter.surveyId && !filter.channel && !filter.language;
	return sql.raw(isNarrow ? "analytics_touchpoint_daily" : "analytics_daily");
}

/** The WHERE clause on analytics_daily (alias d) for a filter whose touchpoints were resolved. */
export function dailyWhere(ctx: Ctx, filter: ResolvedFilter): SQL {
	const { touchpointIds } = filter;
	const parts: SQL[] = [
		sql`d.organization_id = ${ctx.organizationId}`,
		sql`d.day between ${dayOf(filter.from)}::date and ${dayOf(filter.to)}::date`,
	];
	if (touchpointIds) parts.push(sql`d.touchpoint_id = any(${sql.param(touchpointIds)}::uuid[])`);
	if (filter.surveyId) parts.push(sql`d.survey_id = ${filter.surveyId}`);
	if (filter.channel) parts.push(sql`d.channel = ${filter.channel}`);
	if (filter.language) parts.push(sql`d.language = ${filter.language}`);
	if (filter.audience) parts.push(sql`d.audience = ${filter.audience}`);
	return sql.join(parts, sql` and `);
}

/** Today in the organization's time zone (the default end of a report). */
export async function todayOf(ctx: Ctx): Promise<string> {
	const [row] = await queryRows<{ day: string }>(
		ctx.db,
		sql`select to_char((${ctx.now.toISOString()}::timestamptz at time zone timezone)::date, 'YYYY-MM-DD') as day
			from organizations where id = ${ctx.organizationId}`,
	);
	return row?.day ?? dayOf(ctx.now);
}

/** A report's inclusive days: the last 30 days up to today by default. */
export async function resolveDays(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }) {
	const to = q.to ?? (q.from ? addDays(q.from, 29) : await todayOf(ctx));
	const from = q.from ?? addDays(to, -29);
	return { from, to };
}

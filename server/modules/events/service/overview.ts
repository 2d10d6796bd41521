// Traffic and engaged time per touchpoint and page, entry and exit pages — from the daily page rollup.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { findTouchpointNames } from "../../journey/service/load";
import type { OverviewView, PageTrafficView, ReportQuery } from "../contract";
import { assertTouchpoint, num, queryRows, resolveRange } from "./range";

type PageRow = {
	path: string;
	touchpoint_id: string | null;
	pageviews: number;
	visitors: number;
	sessions: number;
	entries: number;
	exits: number;
	engaged_ms: number;
	engagements: number;
	scroll_sum: number;
};

const PAGE_LIMIT = 50;

const toPage = (r: PageRow): PageTrafficView => ({
	path: r.path,
	touchpointId: r.touchpoint_id,
	pageviews: num(r.pageviews),
	visitors: num(r.visitors),
	entries: num(r.entries),
	exits: num(r.exits),
	avgEngagedMs: num(r.engagements) > 0 ? num(r.engaged_ms) / num(r.engagements) : null,
	avgScrollPercent: num(r.engagements) > 0 ? num(r.scroll_sum) / num(r.engagements) : null,
});

export async function getBehaviourOverview(ctx: Ctx, query: ReportQuery): Promise<OverviewView> {
	const range = resolveRange(ctx, query);
	await assertTouchpoint(ctx, query.touchpointId);
	const scope = sql`organization_id = ${ctx.organizationId} and day between ${range.from}::date and ${range.to}::date
		${query.touchpointId ? sql`and touchpoint_id = ${query.touchpointId}` : sql``}`;
	const pages = await queryRows<PageRow>(
		ctx.db,
		sql`select path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id,
			sum(pageviews) as pageviews, sum(visitors) as visitors, sum(sessions) as sessions, sum(entries) as entries,
			sum(exits) as exits, sum(engaged_ms) as engaged_ms, sum(engagements) as engagements, sum(scroll_sum) as scroll_sum
		from behaviour_page_days where ${scope} group by path`,
	);
	const days = await queryRows<{ day: string; pageviews: number; sessions: number }>(
		ctx.db,
		sql`select to_char(day, 'YYYY-MM-DD') as day, sum(pageviews) as pageviews, sum(entries) as sessions
		from behaviour_page_days where ${scope} group by day order by day`,
	);
	const byTouchpoint = new Map<string | null, PageRow>();
	for (const page of pages) {
		const key = page.touchpoint_id;
		const sum = byTouchpoint.get(key) ?? {
			...page,
			path: "",
			pageviews: 0,
			visitors: 0,
			sessions: 0,
			entries: 0,
			exits: 0,
			engaged_ms: 0,
			engagements: 0,
			scroll_sum: 0,
		};
		for (const field of [
			"pageviews",
			"visitors",
			"sessions",
			"entries",
			"exits",
			"engaged_ms",
			"engagements",
		] as const) {
			sum[field] = num(sum[field]) + num(page[field]);
		}
		byTouchpoint.set(key, sum);
	}
	const names = await findTouchpointNames(
		ctx.db,
		ctx.organizationId,
		[...byTouchpoint.keys()].filter((k) => k !== null),
	);
	const views = pages.map(toPage);
	const totals = pages.reduce(
		(t, p) => ({
			pageviews: t.pageviews + num(p.pageviews),
			sessions: t.sessions + num(p.entries),
			visitorDays: t.visitorDays + num(p.visitors),
			engaged: t.engaged + num(p.engaged_ms),
			engagements: t.engagements + num(p.engagements),
		}),
		{ pageviews: 0, sessions: 0, visitorDays: 0, engaged: 0, engagements: 0 },
	);
	const top = (key: "pageviews" | "entries" | "exits") =>
		[...views]
			.filter((v) => v[key] > 0)
			.sort((a, b) => b[key] - a[key] || a.path.localeCompare(b.path))
			.slice(0, PAGE_LIMIT);
	return {
		range,
		totals: {
			pageviews: totals.pageviews,
			sessions: totals.sessions,
			visitorDays: totals.visitorDays,
			avgEngagedMsPerPageview: totals.engagements > 0 ? totals.engaged / totals.engagements : null,
		},
		days: days.map((d) => ({ day: d.day, pageviews: num(d.pageviews), sessions: num(d.sessions) })),
		touchpoints: [...byTouchpoint.entries()]
			.map(([touchpointId, r]) => ({
				touchpointId,
				touchpointName: touchpointId ? (names.get(touchpointId) ?? null) : null,
				pageviews: num(r.pageviews),
				visitors: num(r.visitors),
				sessions: num(r.sessions),
				entries: num(r.entries),
				exits: num(r.exits),
				avgEngagedMs: num(r.engagements) > 0 ? num(r.engaged_ms) / num(r.engagements) : null,
			}))
			.sort((a, b) => b.pageviews - a.pageviews),
		pages: top("pageviews"),
		entryPages: top("entries"),
		exitPages: top("exits"),
	};
}

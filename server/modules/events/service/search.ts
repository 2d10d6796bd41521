// The site search report: top queries, queries that found nothing, queries after which visitors left.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { ReportQuery, SearchReportView } from "../contract";
import { num, queryRows, resolveRange } from "./range";

type Row = { query: string; searches: number; zero_results: number; exits: number };
const LIMIT = 25;

export async function getSearchReport(ctx: Ctx, query: Omit<ReportQuery, "touchpointId">): Promise<SearchReportView> {
	const range = resolveRange(ctx, query);
	const rows = await queryRows<Row>(
		ctx.db,
		sql`select query, sum(searches) as searches, sum(zero_results) as zero_results, sum(exits) as exits
		from behaviour_search_days
		where organization_id = ${ctx.organizationId} and day between ${range.from}::date and ${range.to}::date
		group by query`,
	);
	const views = rows.map((r) => ({
		query: r.query,
		searches: num(r.searches),
		zeroResults: num(r.zero_results),
		exits: num(r.exits),
	}));
	const top = (key: "searches" | "zeroResults" | "exits") =>
		views
			.filter((v) => v[key] > 0)
			.sort((a, b) => b[key] - a[key] || a.query.localeCompare(b.query))
			.slice(0, LIMIT);
	return {
		range,
		totals: views.reduce(
			(t, v) => ({
				searches: t.searches + v.searches,
				zeroResults: t.zeroResults + v.zeroResults,
				exits: t.exits + v.exits,
			}),
			{ searches: 0, zeroResults: 0, exits: 0 },
		),
		topQueries: top("searches"),
		zeroResultQueries: top("zeroResults"),
		exitQueries: top("exits"),
	};
}

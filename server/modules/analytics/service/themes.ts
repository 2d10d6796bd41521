// Theme counts of analysed comments and mentions from the daily theme rollup.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { dayOf, num, queryRows } from "./scope";

export type ThemeCount = {
	touchpointId: string | null;
	theme: string;
	count: number;
	negative: number;
	positive: number;
};

/** Per touchpoint and theme over the days from–to (inclusive; see KpiFilter), responses and mentions together. */
export async function themeCounts(
	ctx: Ctx,
	q: { from: Date; to: Date; touchpointIds?: string[] },
): Promise<ThemeCount[]> {
	const touchpoints = q.touchpointIds ? sql`and t.touchpoint_id = any(${sql.param(q.touchpointIds)}::uuid[])` : sql``;
	const rows = await queryRows<{
		touchpoint_id: string | null;
		theme: string;
		count: unknown;
		negative: unknown;
		positive: unknown;
	}>(
		ctx.db,
		sql`select t.touchpoint_id, t.theme, sum(t.count)::float8 as count, sum(t.negative)::float8 as negative,
			sum(t.positive)::float8 as positive
		from analytics_theme_daily t
		where t.organization_id = ${ctx.organizationId} and t.day between ${dayOf(q.from)}::date and ${dayOf(q.to)}::date
			${touchpoints}
		group by t.touchpoint_id, t.theme order by 3 desc, 2`,
	);
	return rows.map((r) => ({
		touchpointId: r.touchpoint_id,
		theme: r.theme,
		count: num(r.count),
		negative: num(r.negative),
		positive: num(r.positive),
	}));
}

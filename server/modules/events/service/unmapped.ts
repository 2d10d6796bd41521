// Busy pages that no touchpoint's URL patterns cover, with a suggested pattern (the first path segment + "*").
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { ReportQuery, UnmappedPagesView } from "../contract";
import { num, queryRows, resolveRange } from "./range";

/** "/magazin/wohnideen/42" → "/magazin/*"; "/" stays "/". */
export function suggestPattern(path: string): string {
	const first = path.split("/").filter(Boolean)[0];
	return first ? `/${first}/*` : "/";
}

export async function findUnmappedPages(
	ctx: Ctx,
	query: Omit<ReportQuery, "touchpointId">,
): Promise<UnmappedPagesView> {
	const range = resolveRange(ctx, query);
	const rows = await queryRows<{ path: string; pageviews: number }>(
		ctx.db,
		sql`select path, sum(pageviews) as pageviews from behaviour_page_days
		where organization_id = ${ctx.organizationId} and day between ${range.from}::date and ${range.to}::date
			and touchpoint_id is null and pageviews > 0
		group by path order by sum(pageviews) desc, path limit 50`,
	);
	return {
		range,
		pages: rows.map((r) => ({ path: r.path, pageviews: num(r.pageviews), suggestedPattern: suggestPattern(r.path) })),
	};
}

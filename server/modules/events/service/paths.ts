// Paths between touchpoints (for a sankey or flow table) from the daily flow rollup.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { findTouchpointNames } from "../../journey/service/load";
import type { PathsView, ReportQuery } from "../contract";
import { num, queryRows, resolveRange } from "./range";

const MAX_LINKS = 60;

export async function getPaths(ctx: Ctx, query: Omit<ReportQuery, "touchpointId">): Promise<PathsView> {
	const range = resolveRange(ctx, query);
	const rows = await queryRows<{ from_key: string; to_key: string; sessions: number }>(
		ctx.db,
		sql`select from_key, to_key, sum(sessions) as sessions from behaviour_flow_days
		where organization_id = ${ctx.organizationId} and day between ${range.from}::date and ${range.to}::date
		group by from_key, to_key order by sum(sessions) desc limit ${MAX_LINKS}`,
	);
	const links = rows.map((r) => ({ from: r.from_key, to: r.to_key, sessions: num(r.sessions) }));
	const keys = [...new Set(links.flatMap((l) => [l.from, l.to]))];
	const names = await findTouchpointNames(
		ctx.db,
		ctx.organizationId,
		keys.filter((k) => /^[0-9a-f-]{36}$/.test(k)),
	);
	const nodes = keys.map((key) => ({
		key,
		name: names.get(key) ?? null,
		sessions: Math.max(
			links.filter((l) => l.to === key).reduce((s, l) => s + l.sessions, 0),
			links.filter((l) => l.from === key).reduce((s, l) => s + l.sessions, 0),
		),
	}));
	return { range, nodes, links };
}

// Real-time visitors: distinct sessions of the last five minutes, from raw events bounded by received_at.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { RealtimeView } from "../contract";
import { num, queryRows } from "./range";

const WINDOW_MINUTES = 5;

export async function getRealtimeVisitors(ctx: Ctx): Promise<RealtimeView> {
	const since = new Date(ctx.now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
	const recent = sql`organization_id = ${ctx.organizationId} and received_at > ${since}::timestamptz
		and occurred_at > ${since}::timestamptz - interval '1 day'`;
	const [totals] = await queryRows<{ visitors: number; pageviews: number }>(
		ctx.db,
		sql`select count(distinct session_id) as visitors, count(*) filter (where type = 'pageview') as pageviews
		from events where ${recent}`,
	);
	const pages = await queryRows<{ path: string; sessions: number }>(
		ctx.db,
		sql`select path, count(distinct session_id) as sessions from events where ${recent} and type = 'pageview'
		group by path order by 2 desc, 1 limit 10`,
	);
	return {
		windowMinutes: WINDOW_MINUTES,
		visitors: num(totals?.visitors),
		pageviews: num(totals?.pageviews),
		pages: pages.map((p) => ({ path: p.path, sessions: num(p.sessions) })),
	};
}

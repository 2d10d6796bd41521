// A session's path: its events in order (for a survey response given in the same session).
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { invalid, notFound } from "../../../platform/errors";
import { findTouchpointNames } from "../../journey/service/load";
import type { EventType, SessionPathView } from "../contract";
import { queryRows } from "./range";

const MAX_EVENTS = 500;

type Row = {
	occurred_at: string | Date;
	type: EventType;
	path: string;
	touchpoint_id: string | null;
	name: string | null;
	value: number | null;
};

export async function findSessionPath(ctx: Ctx, sessionId: string): Promise<SessionPathView> {
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(sessionId)) throw invalid("sessionId: not a session id");
	const rows = await queryRows<Row>(
		ctx.db,
		sql`select occurred_at, type, path, touchpoint_id, name, value from events
		where organization_id = ${ctx.organizationId} and session_id = ${sessionId}
		order by occurred_at, id limit ${MAX_EVENTS + 1}`,
	);
	if (rows.length === 0) throw notFound("Session");
	const page = rows.slice(0, MAX_EVENTS);
	const names = await findTouchpointNames(
		ctx.db,
		ctx.organizationId,
		[...new Set(page.map((r) => r.touchpoint_id))].filter((id) => id !== null),
	);
	return {
		sessionId,
		truncated: rows.length > MAX_EVENTS,
		events: page.map((r) => ({
			at: new Date(r.occurred_at).toISOString(),
			type: r.type,
			path: r.path,
			touchpointId: r.touchpoint_id,
			touchpointName: r.touchpoint_id ? (names.get(r.touchpoint_id) ?? null) : null,
			name: r.name,
			value: r.value === null ? null : Number(r.value),
		})),
	};
}

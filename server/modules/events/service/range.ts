// Report date ranges: inclusive days, the last 30 days by default, at most MAX_REPORT_DAYS long.
import type { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid } from "../../../platform/errors";
import { getTouchpointInOrg } from "../../journey/service/load";
import { MAX_REPORT_DAYS } from "../contract";

export type DayRange = { from: string; to: string };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function resolveRange(
	ctx: Pick<Ctx, "now">,
	query: { from?: string | undefined; to?: string | undefined },
): DayRange {
	const to = query.to ?? dayOf(ctx.now);
	const from = query.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86400_000));
	const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000 + 1;
	if (days > MAX_REPORT_DAYS) throw invalid(`from: a range may span at most ${MAX_REPORT_DAYS} days`);
	return { from, to };
}

/** Throws not_found unless the touchpoint belongs to the organization. */
export async function assertTouchpoint(ctx: Ctx, touchpointId: string | undefined): Promise<void> {
	if (touchpointId) await getTouchpointInOrg(ctx.db, ctx.organizationId, touchpointId);
}

export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
	return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** pg returns bigint sums as strings (or numbers via the int8 parser); PGlite as numbers. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

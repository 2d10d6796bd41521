// The period of a driver analysis: inclusive days in the organization's time zone, read from raw responses.
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { DEFAULT_DRIVER_DAYS } from "../contract-drivers";
import { addDays, queryRows } from "./scope";

export type DriverPeriod = { from: string; to: string; timezone: string };

export async function timezoneOf(db: Db, organizationId: string): Promise<string> {
	const [row] = await queryRows<{ timezone: string }>(
		db,
		sql`select timezone from organizations where id = ${organizationId}`,
	);
	return row?.timezone ?? "UTC";
}

/** The given days, or the last DEFAULT_DRIVER_DAYS days up to today in the organization's zone. */
export async function resolveDriverPeriod(
	db: Db,
	organizationId: string,
	now: Date,
	q: { from?: string | undefined; to?: string | undefined },
): Promise<DriverPeriod> {
	const timezone = await timezoneOf(db, organizationId);
	if (q.from && q.to) return { from: q.from, to: q.to, timezone };
	const [row] = await queryRows<{ day: string }>(
		db,
		sql`select to_char((${now.toISOString()}::timestamptz at time zone ${timezone})::date, 'YYYY-MM-DD') as day`,
	);
	const to = row?.day ?? now.toISOString().slice(0, 10);
	return { from: addDays(to, -(DEFAULT_DRIVER_DAYS - 1)), to, timezone };
}

/** `submitted_at` inside the period (alias r), midnight to midnight in the organization's zone. */
export function submittedWithin(period: DriverPeriod) {
	return sql`r.submitted_at >= (${period.from}::date)::timestamp at time zone ${period.timezone}
		and r.submitted_at < ((${period.to}::date + 1)::timestamp) at time zone ${period.timezone}`;
}

// Group commit for behaviour events: rows of concurrent requests wait a moment in memory and are written by
// one multi-row INSERT (unnest of column arrays); each request is answered only after that statement committed,
// so an acknowledged event is never lost, and a failed write fails every request in it (the tracker retries).
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { EVENT_FLAGS } from "../contract";

export type EventRow = {
	id: string;
	organizationId: string;
	siteId: string;
	occurredAt: Date;
	receivedAt: Date;
	type: string;
	name: string | null;
	value: number | null;
	visitorHash: string;
	sessionId: string;
	customerId: string | null;
	host: string;
	path: string;
	referrerHost: string | null;
	source: string | null;
	device: string;
	touchpointId: string | null;
	properties: Record<string, unknown> | null;
	flags: number;
};

type Waiting = { rows: EventRow[]; resolve: (inserted: Set<string>) => void; reject: (error: unknown) => void };

const MAX_ROWS_PER_STATEMENT = 5000;
const CLAMPED = EVENT_FLAGS.clampedPast | EVENT_FLAGS.clampedFuture;
export const eventKey = (siteId: string, id: string) => `${siteId}\u0000${id}`;

export class EventBuffer {
	private waiting: Waiting[] = [];
	private inFlight = 0;
	private readonly ensuredMonths = new Set<string>();

	constructor(
		private readonly db: Db,
		private readonly maxInFlight: number,
	) {}

	/** Resolves with the keys (eventKey) of the rows that were new, once they are committed. */
	write(rows: EventRow[]): Promise<Set<string>> {
		return new Promise((resolve, reject) => {
			this.waiting.push({ rows, resolve, reject });
			this.pump();
		});
	}

	private pump(): void {
		while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
			const group: Waiting[] = [];
			let count = 0;
			while (
				this.waiting.length > 0 &&
				(count === 0 || count + (this.waiting[0]?.rows.length ?? 0) <= MAX_ROWS_PER_STATEMENT)
			) {
				const next = this.waiting.shift() as Waiting;
				group.push(next);
				count += next.rows.length;
			}
			this.inFlight++;
			this.flush(group)
				.catch(() => {})
				.finally(() => {
					this.inFlight--;
					this.pump();
				});
		}
	}

	private async flush(group: Waiting[]): Promise<void> {
		try {
			const rows = group.flatMap((w) => w.rows);
			await this.ensurePartitions(rows);
			const inserted = await insertEvents(this.db, rows);
			for (const w of group) w.resolve(inserted);
		} catch (error) {
			for (const w of group) w.reject(error);
		}
	}

	private async ensurePartitions(rows: EventRow[]): Promise<void> {
		const missing = new Map<string, Date>();
		for (const row of rows) {
			const month = row.occurredAt.toISOString().slice(0, 7);
			if (!this.ensuredMonths.has(month)) missing.set(month, row.occurredAt);
		}
		for (const [month, at] of missing) {
			await ensureEventPartitions(this.db, at, at);
			this.ensuredMonths.add(month);
		}
	}
}

export async function ensureEventPartitions(db: Db, from: Date, to: Date): Promise<void> {
	await db.execute(
		sql`select loupe_ensure_event_partitions(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
	);
}

/**
 * One INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING; returns the keys of rows that were new. Rows whose
 * time was clamped to the server clock would not conflict on a retry (their time differs), so they are also
 * checked against the last eight days by id.
 */
export async function insertEvents(db: Db, rows: EventRow[]): Promise<Set<string>> {
	if (rows.length === 0) return new Set();
	const col = <T>(pick: (r: EventRow) => T) => sql.param(rows.map(pick));
	const result = (await db.execute(sql`
		insert into events (id, organization_id, site_id, occurred_at, received_at, type, name, value, visitor_hash,
			session_id, customer_id, host, path, referrer_host, source, device, touchpoint_id, properties, flags)
		select x.* from unnest(
			${col((r) => r.id)}::text[], ${col((r) => r.organizationId)}::uuid[], ${col((r) => r.siteId)}::uuid[],
			${col((r) => r.occurredAt.toISOString())}::timestamptz[], ${col((r) => r.receivedAt.toISOString())}::timestamptz[],
			${col((r) => r.type)}::text[], ${col((r) => r.name)}::text[], ${col((r) => r.value)}::float8[],
			${col((r) => r.visitorHash)}::text[], ${col((r) => r.sessionId)}::text[], ${col((r) => r.customerId)}::text[],
			${col((r) => r.host)}::text[], ${col((r) => r.path)}::text[], ${col((r) => r.referrerHost)}::text[],
			${col((r) => r.source)}::text[], ${col((r) => r.device)}::text[], ${col((r) => r.touchpointId)}::uuid[],
			${col((r) => (r.properties ? JSON.stringify(r.properties) : null))}::jsonb[], ${col((r) => r.flags)}::int[]
		) as x(id, organization_id, site_id, occurred_at, received_at, type, name, value, visitor_hash, session_id,
			customer_id, host, path, referrer_host, source, device, touchpoint_id, properties, flags)
		where x.flags & ${CLAMPED} = 0 or not exists (
			select 1 from events e
			where e.site_id = x.site_id and e.id = x.id and e.occurred_at > x.received_at - interval '8 days'
		)
		on conflict do nothing
		returning site_id, id`)) as unknown as { rows: { site_id: string; id: string }[] };
	return new Set(result.rows.map((r) => eventKey(r.site_id, r.id)));
}

// Monthly partitions of the responses table: created ahead of the rows that need them (the migration's
// loupe_ensure_response_partitions), remembered per database so that ingestion asks once per month.
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";

const ensuredByDb = new WeakMap<Db, Set<string>>();

const monthKey = (at: Date) => `${at.getUTCFullYear()}-${at.getUTCMonth()}`;

/** Makes sure partitions exist for every month from `from` to `to` (inclusive). Run outside transactions. */
export async function ensureResponsePartitions(db: Db, from: Date, to: Date): Promise<void> {
	await db.execute(
		sql`select loupe_ensure_response_partitions(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
	);
}

/** The partition for `at` and the next month (so a month boundary never waits), once per process and month. */
export async function ensurePartitionFor(db: Db, at: Date): Promise<void> {
	let ensured = ensuredByDb.get(db);
	if (!ensured) {
		ensured = new Set();
		ensuredByDb.set(db, ensured);
	}
	const key = monthKey(at);
	if (ensured.has(key)) return;
	const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
	await ensureResponsePartitions(db, at, next);
	ensured.add(key);
}

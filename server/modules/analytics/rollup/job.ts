// The rollup job: recomputes the days the triggers marked dirty, per organization, newest days first; an
// organization without rollup state (new, or data from before this module) or with a changed time zone is rebuilt.
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { JobDefinition, Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import { kickAlertEvaluation } from "../alerts-schedule";
import { rebuildAll, recomputeDays } from "./recompute";

export const ANALYTICS_ROLLUP_JOB = "analytics.rollup";
/** Days per transaction: a backlog of a year never holds PGlite's one connection for long. */
const CHUNK_DAYS = 62;

type Rows<T> = { rows: T[] };
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
	return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

const dayText = (day: unknown) => (day instanceof Date ? day.toISOString().slice(0, 10) : String(day).slice(0, 10));

/** Recomputes one chunk of an organization's dirty days; returns how many days it recomputed. */
export async function rollUpOrganization(db: Db, organizationId: string, now: Date): Promise<number> {
	return db.transaction(async (tx) => {
		// Two workers never recompute one organization at once (their deletes and inserts would interleave).
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('analytics.rollup'), hashtext(${organizationId}))`);
		const [org] = await rows<{ timezone: string; built_in: string | null }>(
			tx,
			sql`select o.timezone, s.timezone as built_in from organizations o
				left join analytics_rollup_state s on s.organization_id = o.id where o.id = ${organizationId}`,
		);
		if (!org) return 0;
		const scope = { organizationId, timezone: org.timezone };
		if (org.built_in !== org.timezone) {
			await rebuildAll(tx, scope, now);
			return 1;
		}
		// Deletes only the marks this statement sees; a writer committing later leaves its mark for the next run,
		// and the recompute below (a later snapshot) sees at least every raw change whose mark it deleted.
		const claimed = await rows<{ day: unknown }>(
			tx,
			sql`delete from analytics_dirty_days where organization_id = ${organizationId} and day in (
				select distinct day from analytics_dirty_days where organization_id = ${organizationId}
				order by day desc limit ${CHUNK_DAYS}) returning day`,
		);
		const days = [...new Set(claimed.map((r) => dayText(r.day)))];
		await recomputeDays(tx, scope, days);
		return days.length;
	});
}

/** Organizations with marked days, no rollup state yet, or a time zone their rollups were not built in. */
async function organizationsToRollUp(db: Db): Promise<string[]> {
	const found = await rows<{ id: string }>(
		db,
		sql`select distinct organization_id as id from analytics_dirty_days
			union select o.id from organizations o left join analytics_rollup_state s on s.organization_id = o.id
			where s.timezone is distinct from o.timezone`,
	);
	return found.map((r) => r.id);
}

/** Brings every organization's rollups up to date (the job's work; tests and the seed call it directly). */
export async function rollUpDirtyDays(db: Db, now = new Date(), maxRounds = 1000): Promise<number> {
	let total = 0;
	for (let round = 0; round < maxRounds; round++) {
		const organizations = await organizationsToRollUp(db);
		if (organizations.length === 0) break;
		let done = 0;
		for (const id of organizations) done += await rollUpOrganization(db, id, now);
		total += done;
		if (done === 0) break;
	}
	return total;
}

/** Rebuilds one organization now (demo seed, bench): one bulk statement per rollup table. */
export async function rebuildOrganization(db: Db, organizationId: string, now = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const [org] = await rows<{ timezone: string }>(
			tx,
			sql`select timezone from organizations where id = ${organizationId}`,
		);
		if (org) await rebuildAll(tx, { organizationId, timezone: org.timezone }, now);
	});
}

const KICK_EVERY_MS = 5_000;
let lastKickMs = 0;

/**
 * Starts the rollup job soon (throttled per process). The job's cron also runs it every minute, so days marked by
 * writes that kick nothing (text analysis, corrections, imports) are recomputed within a minute.
 */
export function kickAnalyticsRollup(jobs: Jobs, log: Logger, delaySeconds = 1): void {
	const nowMs = Date.now();
	if (nowMs - lastKickMs < KICK_EVERY_MS) return;
	lastKickMs = nowMs;
	jobs.boss
		.send(ANALYTICS_ROLLUP_JOB, {}, { singletonSeconds: 5, startAfter: delaySeconds })
		.catch((error) => log.warn({ err: error }, "could not start the insights rollup"));
}

type Env = { db: Db; jobs: Jobs; log: Logger };

export const analyticsRollupJob: JobDefinition<Record<string, never>, Env> = {
	name: ANALYTICS_ROLLUP_JOB,
	retryLimit: 5,
	retryDelaySeconds: 10,
	retryBackoff: true,
	cron: "* * * * *",
	async handle(env) {
		const days = await rollUpDirtyDays(env.db, new Date(), 20);
		if (days > 0) env.log.debug({ days }, "insights rollups recomputed");
		// Fresh rollups may start or clear alert conditions (the alerts job also runs every 15 minutes).
		if (days > 0) kickAlertEvaluation(env.jobs, env.log);
		const isMoreWaiting = (await organizationsToRollUp(env.db)).length > 0;
		kickAnalyticsRollup(env.jobs, env.log, isMoreWaiting ? 1 : 60);
	},
};

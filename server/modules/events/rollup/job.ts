// The rollup job: per organization, finds the days of events received since its last run (by received_at, up
// to a few seconds ago so that no transaction still in flight is skipped) and recomputes those days.
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { JobDefinition, Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import { ensureEventPartitions } from "../ingest/event-buffer";
import { MAX_PAST_MS } from "../ingest/pipeline";
import { recomputeDays, recomputeFunnel } from "./recompute";
import { kickRollup, ROLLUP_JOB } from "./schedule";

type Env = { db: Db; jobs: Jobs; log: Logger; config: { databaseUrl: string | undefined } };
type Rows<T> = { rows: T[] };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
	return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

export async function funnelDefinitionsOf(db: Db, organizationId: string) {
	return rows<{ id: string; steps: { kind: "step" | "url"; value: string }[] }>(
		db,
		sql`select id, steps from funnels where organization_id = ${organizationId} order by created_at`,
	);
}

export async function timezoneOf(db: Db, organizationId: string): Promise<string> {
	const [row] = await rows<{ timezone: string }>(
		db,
		sql`select timezone from organizations where id = ${organizationId}`,
	);
	return row?.timezone ?? "UTC";
}

/** Newest days first, CHUNK_DAYS per transaction: on PGlite (one connection) a year of history then never
 * holds the database for long, and the recent days that reports show first are ready first. */
const CHUNK_DAYS = 31;
async function recomputeInChunks(
	scope: { organizationId: string; timezone: string; days: string[] },
	recompute: (scope: { organizationId: string; timezone: string; days: string[] }) => Promise<void>,
): Promise<void> {
	const days = [...scope.days].sort().reverse();
	for (let i = 0; i < days.length; i += CHUNK_DAYS) await recompute({ ...scope, days: days.slice(i, i + CHUNK_DAYS) });
}

/** Brings one organization's rollups up to `upTo`; returns whether newer events are already waiting. */
export async function rollUpOrganization(db: Db, organizationId: string, upTo: Date): Promise<boolean> {
	await db.execute(
		sql`insert into behaviour_rollup_state (organization_id, processed_until) values (${organizationId}, '-infinity')
			on conflict do nothing`,
	);
	const [state] = await rows<{ processed_until: string | Date }>(
		db,
		sql`select processed_until from behaviour_rollup_state where organization_id = ${organizationId}`,
	);
	const since = state ? new Date(state.processed_until) : new Date(0);
	const timezone = await timezoneOf(db, organizationId);
	const sinceIso = Number.isFinite(since.getTime()) ? since.toISOString() : "-infinity";
	const occurredFloor = Number.isFinite(since.getTime())
		? new Date(since.getTime() - MAX_PAST_MS - 3600_000).toISOString()
		: "-infinity";
	const days = await rows<{ day: string }>(
		db,
		sql`select distinct to_char((occurred_at at time zone ${timezone})::date, 'YYYY-MM-DD') as day from events
			where organization_id = ${organizationId} and received_at > ${sinceIso}::timestamptz
				and received_at <= ${upTo.toISOString()}::timestamptz and occurred_at >= ${occurredFloor}::timestamptz`,
	);
	if (days.length > 0) {
		const funnels = await funnelDefinitionsOf(db, organizationId);
		await recomputeInChunks({ organizationId, timezone, days: days.map((d) => d.day) }, (scope) =>
			recomputeDays(db, scope, funnels),
		);
	}
	await db.execute(
		sql`update behaviour_rollup_state set processed_until = greatest(processed_until, ${upTo.toISOString()}::timestamptz),
			updated_at = now() where organization_id = ${organizationId}`,
	);
	const [newer] = await rows<{ waiting: boolean }>(
		db,
		sql`select exists (select 1 from events where organization_id = ${organizationId}
			and received_at > ${upTo.toISOString()}::timestamptz) as waiting`,
	);
	return newer?.waiting === true;
}

export const rollupJob: JobDefinition<Record<string, never>, Env> = {
	name: ROLLUP_JOB,
	retryLimit: 5,
	retryDelaySeconds: 10,
	retryBackoff: true,
	async handle(env) {
		const now = new Date();
		// On PostgreSQL an ingestion transaction may commit a moment after its received_at: stay 10 s behind.
		const upTo = new Date(now.getTime() - (env.config.databaseUrl ? 10_000 : 0));
		await ensureEventPartitions(env.db, now, new Date(now.getTime() + 40 * 86400_000));
		const organizations = await rows<{ organization_id: string }>(
			env.db,
			sql`select distinct organization_id from sites`,
		);
		let isMoreWaiting = false;
		for (const { organization_id } of organizations) {
			if (await rollUpOrganization(env.db, organization_id, upTo)) isMoreWaiting = true;
		}
		if (isMoreWaiting) kickRollup(env.jobs, env.log, 11);
	},
};

export const FUNNEL_ROLLUP_JOB = "behaviour.funnel-rollup";
const FUNNEL_HISTORY_DAYS = 400;

/** Recomputes a new or changed funnel over the history the reports can ask for. */
export const funnelRollupJob: JobDefinition<{ organizationId: string; funnelId: string }, Env> = {
	name: FUNNEL_ROLLUP_JOB,
	retryLimit: 3,
	retryDelaySeconds: 10,
	async handle(env, { organizationId, funnelId }) {
		const funnel = (await funnelDefinitionsOf(env.db, organizationId)).find((f) => f.id === funnelId);
		if (!funnel) return;
		await rollUpFunnelHistory(env.db, organizationId, funnel, new Date());
	},
};

export async function rollUpFunnelHistory(
	db: Db,
	organizationId: string,
	funnel: { id: string; steps: { kind: "step" | "url"; value: string }[] },
	now: Date,
): Promise<void> {
	const timezone = await timezoneOf(db, organizationId);
	const days: string[] = [];
	for (let i = FUNNEL_HISTORY_DAYS; i >= -1; i--)
		days.push(new Date(now.getTime() - i * 86400_000).toISOString().slice(0, 10));
	await recomputeInChunks({ organizationId, timezone, days }, (scope) => recomputeFunnel(db, scope, funnel));
}

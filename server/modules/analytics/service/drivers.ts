// Key driver analysis: read a stored result, ask for a recomputation, and compute + store (the job's work).
import { and, desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import type { Logger } from "../../../platform/logging";
import { recordAudit } from "../../admin/service/audit";
import {
	DRIVER_KINDS,
	type DriverAnalysis,
	type DriverKind,
	type DriverResultView,
	type DriversQuery,
	type RecomputeDriversInput,
	type RecomputeDriversView,
} from "../contract-drivers";
import { analyticsDriverResults } from "../schema-drivers";
import { type DriverPeriod, resolveDriverPeriod } from "./drivers-period";
import { analyseThemeDrivers } from "./drivers-themes";
import { analyseTouchpointDrivers } from "./drivers-touchpoints";

export const DRIVERS_JOB = "analytics.drivers";
/** Nightly at 02:30 UTC: every organization's default period is recomputed. */
export const NIGHTLY_DRIVERS_CRON = "30 2 * * *";
/** Stored results per organization (each distinct period asked for is one row); older ones are pruned. */
const KEEP_RESULTS = 40;

export type DriversJobData = { organizationId?: string; kind?: DriverKind; from?: string; to?: string };

type ResultRow = typeof analyticsDriverResults.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function viewOf(kind: DriverKind, period: DriverPeriod, row: ResultRow | undefined): DriverResultView {
	if (!row) {
		const empty = {
			requestedAt: null,
			computedAt: null,
			n: 0,
			r2: null,
			insufficientData: false,
			analysis: null,
			error: null,
		};
		return { kind, from: period.from, to: period.to, status: "missing", ...empty };
	}
	const status = row.isComputing ? "computing" : row.error ? "failed" : "ready";
	return {
		kind,
		from: period.from,
		to: period.to,
		status,
		requestedAt: iso(row.requestedAt),
		computedAt: iso(row.computedAt),
		n: row.n,
		r2: row.r2,
		insufficientData: row.insufficientData,
		analysis: (row.result as DriverAnalysis | null) ?? null,
		error: row.error,
	};
}

export async function getDriverResult(ctx: Ctx, query: DriversQuery): Promise<DriverResultView> {
	const period = await resolveDriverPeriod(ctx.db, ctx.organizationId, ctx.now, query);
	const [row] = await ctx.db
		.select()
		.from(analyticsDriverResults)
		.where(
			and(
				eq(analyticsDriverResults.organizationId, ctx.organizationId),
				eq(analyticsDriverResults.kind, query.kind),
				eq(analyticsDriverResults.periodFrom, period.from),
				eq(analyticsDriverResults.periodTo, period.to),
			),
		);
	return viewOf(query.kind, period, row);
}

/** Marks the results as requested and enqueues their computation, in one transaction. */
export async function requestDriverRecompute(ctx: Ctx, input: RecomputeDriversInput): Promise<RecomputeDriversView> {
	const period = await resolveDriverPeriod(ctx.db, ctx.organizationId, ctx.now, input);
	const kinds = input.kind ? [input.kind] : [...DRIVER_KINDS];
	await ctx.db.transaction(async (tx) => {
		for (const kind of kinds) {
			await tx
				.insert(analyticsDriverResults)
				.values({
					organizationId: ctx.organizationId,
					kind,
					periodFrom: period.from,
					periodTo: period.to,
					requestedAt: ctx.now,
					isComputing: true,
				})
				.onConflictDoUpdate({
					target: [
						analyticsDriverResults.organizationId,
						analyticsDriverResults.kind,
						analyticsDriverResults.periodFrom,
						analyticsDriverResults.periodTo,
					],
					set: { requestedAt: ctx.now, isComputing: true },
				});
			const data: DriversJobData = { organizationId: ctx.organizationId, kind, from: period.from, to: period.to };
			await ctx.jobs.enqueue(tx, DRIVERS_JOB, data, {
				singletonKey: `${ctx.organizationId}:${kind}:${period.from}:${period.to}`,
			});
		}
		await recordAudit(
			tx,
			ctx,
			"analytics.drivers.recompute",
			{ type: "driver_analysis", id: null },
			{ kinds, ...period },
		);
	});
	return { requested: kinds.map((kind) => ({ kind, from: period.from, to: period.to })) };
}

/** Computes one analysis and stores it (a failure is stored too, then rethrown so the job retries). */
export async function computeAndStoreDrivers(
	db: Db,
	organizationId: string,
	kind: DriverKind,
	q: { from?: string | undefined; to?: string | undefined },
	now: Date,
): Promise<void> {
	const period = await resolveDriverPeriod(db, organizationId, now, q);
	const key = { organizationId, kind, periodFrom: period.from, periodTo: period.to };
	const target = [
		analyticsDriverResults.organizationId,
		analyticsDriverResults.kind,
		analyticsDriverResults.periodFrom,
		analyticsDriverResults.periodTo,
	];
	try {
		const computed =
			kind === "themes"
				? await analyseThemeDrivers(db, organizationId, period)
				: await analyseTouchpointDrivers(db, organizationId, period);
		const values = {
			isComputing: false,
			computedAt: now,
			n: computed.n,
			r2: computed.r2,
			insufficientData: computed.insufficientData,
			result: computed.analysis,
			error: null,
		};
		await db
			.insert(analyticsDriverResults)
			.values({ ...key, requestedAt: now, ...values })
			.onConflictDoUpdate({ target, set: values });
	} catch (error) {
		const message = error instanceof Error ? error.message.slice(0, 300) : "failed";
		await db
			.insert(analyticsDriverResults)
			.values({ ...key, requestedAt: now, computedAt: now, error: message })
			.onConflictDoUpdate({ target, set: { isComputing: false, computedAt: now, error: message } });
		throw error;
	}
	await pruneResults(db, organizationId);
}

async function pruneResults(db: Db, organizationId: string): Promise<void> {
	const keep = db
		.select({ requestedAt: analyticsDriverResults.requestedAt })
		.from(analyticsDriverResults)
		.where(eq(analyticsDriverResults.organizationId, organizationId))
		.orderBy(desc(analyticsDriverResults.requestedAt))
		.limit(KEEP_RESULTS);
	const kept = (await keep).map((r) => r.requestedAt);
	if (kept.length < KEEP_RESULTS) return;
	const oldest = kept[kept.length - 1] as Date;
	await db
		.delete(analyticsDriverResults)
		.where(
			and(
				eq(analyticsDriverResults.organizationId, organizationId),
				sql`${analyticsDriverResults.requestedAt} < ${oldest.toISOString()}`,
			),
		);
}

/** Organizations with customer NPS responses in the default period (the nightly run's work list). */
async function activeOrganizations(db: Db, now: Date): Promise<string[]> {
	const since = new Date(now.getTime() - 92 * 86400_000).toISOString();
	const result = (await db.execute(
		sql`select o.id from organizations o where exists (select 1 from responses r where r.organization_id = o.id
			and r.submitted_at >= ${since}::timestamptz and r.score_type = 'nps' and r.audience = 'customer')`,
	)) as unknown as { rows: { id: string }[] };
	return result.rows.map((r) => r.id);
}

/** The nightly run: both kinds for every active organization's default period. */
export async function computeNightlyDrivers(db: Db, now: Date, log: Logger): Promise<void> {
	for (const organizationId of await activeOrganizations(db, now)) {
		for (const kind of DRIVER_KINDS) {
			try {
				await computeAndStoreDrivers(db, organizationId, kind, {}, now);
			} catch (error) {
				log.warn({ err: error, organizationId, kind }, "driver analysis failed");
			}
		}
	}
}

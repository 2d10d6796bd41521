// Re-analysis of an organization's history after a model or taxonomy change: a resumable job that works
// in batches, keeps its cursor and progress on the run row, and enqueues itself for the next batch.
import { and, desc, eq } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { conflict, notFound } from "../../../platform/errors";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type { ReanalysisView } from "../contract";
import { textReanalysisRuns } from "../schema";
import { allAnalysisTargets } from "../targets";
import { analyzeBatch } from "./analyze";

export const REANALYSIS_JOB = "text.reanalyze";
const BATCH = 500;
type RunRow = typeof textReanalysisRuns.$inferSelect;

const toView = (row: RunRow): ReanalysisView => ({
	id: row.id,
	status: row.status,
	reason: row.reason,
	total: row.total,
	processed: row.processed,
	error: row.error,
	createdAt: row.createdAt.toISOString(),
	finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function startReanalysis(ctx: Ctx, reason: string): Promise<ReanalysisView> {
	return ctx.db.transaction(async (tx) => {
		const [running] = await tx
			.select({ id: textReanalysisRuns.id })
			.from(textReanalysisRuns)
			.where(and(eq(textReanalysisRuns.organizationId, ctx.organizationId), eq(textReanalysisRuns.status, "running")));
		if (running) throw conflict("A re-analysis is already running");
		let total = 0;
		for (const target of allAnalysisTargets()) total += await target.countWithText(tx, ctx.organizationId);
		const [row] = await tx
			.insert(textReanalysisRuns)
			.values({ organizationId: ctx.organizationId, status: "running", reason, total, createdAt: ctx.now })
			.returning();
		if (!row) throw new Error("run not written");
		await ctx.jobs.enqueue(tx, REANALYSIS_JOB, { runId: row.id });
		await recordAudit(tx, ctx, "text.reanalysis.started", { type: "reanalysis", id: row.id }, { reason });
		return toView(row);
	});
}

/** One batch: analyses up to BATCH rows after the cursor and saves the new cursor; true when the run is done. */
export async function runReanalysisBatch(env: { db: Db; jobs: Jobs; live: LiveBus }, runId: string): Promise<boolean> {
	const [run] = await env.db.select().from(textReanalysisRuns).where(eq(textReanalysisRuns.id, runId));
	if (run?.status !== "running") return true;
	const cursor = { ...run.cursor };
	for (const target of allAnalysisTargets()) {
		if (cursor[target.kind] === "done") continue;
		const batch = await target.findBatch(env.db, run.organizationId, {
			after: cursor[target.kind] ?? null,
			onlyPending: false,
			limit: BATCH,
		});
		await analyzeBatch(env.db, target.kind, run.organizationId, batch);
		const ids = batch.map((subject) => subject.id);
		cursor[target.kind] = ids.length < BATCH ? "done" : (ids[ids.length - 1] ?? null);
		const isDone = allAnalysisTargets().every((t) => cursor[t.kind] === "done");
		await env.db.transaction(async (tx) => {
			await tx
				.update(textReanalysisRuns)
				.set({
					cursor,
					processed: run.processed + ids.length,
					...(isDone ? { status: "done" as const, finishedAt: new Date() } : {}),
				})
				.where(eq(textReanalysisRuns.id, runId));
			if (!isDone) await env.jobs.enqueue(tx, REANALYSIS_JOB, { runId });
		});
		await env.live.publish({
			type: "text.reanalysis.progress",
			organizationId: run.organizationId,
			data: { id: runId, processed: run.processed + ids.length, total: run.total, done: isDone },
		});
		return isDone;
	}
	await env.db
		.update(textReanalysisRuns)
		.set({ status: "done", finishedAt: new Date() })
		.where(eq(textReanalysisRuns.id, runId));
	return true;
}

export async function failReanalysis(db: Db, runId: string, error: unknown): Promise<void> {
	await db
		.update(textReanalysisRuns)
		.set({
			status: "failed",
			error: String(error instanceof Error ? error.message : error).slice(0, 500),
			finishedAt: new Date(),
		})
		.where(eq(textReanalysisRuns.id, runId));
}

export async function findReanalysisRuns(ctx: Ctx, query: PageQuery): Promise<Page<ReanalysisView>> {
	const rows = await ctx.db
		.select()
		.from(textReanalysisRuns)
		.where(
			and(
				eq(textReanalysisRuns.organizationId, ctx.organizationId),
				afterCursor(
					query.cursor,
					{ column: textReanalysisRuns.createdAt, kind: "time" },
					textReanalysisRuns.id,
					"desc",
				),
			),
		)
		.orderBy(desc(textReanalysisRuns.createdAt), desc(textReanalysisRuns.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.createdAt, r.id]);
}

export async function getReanalysisRun(ctx: Ctx, id: string): Promise<ReanalysisView> {
	const [row] = await ctx.db
		.select()
		.from(textReanalysisRuns)
		.where(and(eq(textReanalysisRuns.organizationId, ctx.organizationId), eq(textReanalysisRuns.id, id)));
	if (!row) throw notFound("Re-analysis");
	return toView(row);
}

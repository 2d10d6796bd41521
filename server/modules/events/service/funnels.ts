// Saved funnels (steps by `loupe('step', …)` name or URL pattern) and their report: sessions reaching each step
// in order, conversion and drop-off, optionally per segment — read from the daily funnel rollup.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type {
	CreateFunnelInput,
	FunnelReportQuery,
	FunnelReportView,
	FunnelView,
	UpdateFunnelInput,
} from "../contract";
import { FUNNEL_ROLLUP_JOB } from "../rollup/job";
import { funnels } from "../schema";
import { num, queryRows, ratio, resolveRange } from "./range";

type FunnelRow = typeof funnels.$inferSelect;

const toView = (row: FunnelRow): FunnelView => ({
	id: row.id,
	name: row.name,
	steps: row.steps,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

export async function getFunnelInOrg(db: Db, organizationId: string, id: string): Promise<FunnelRow> {
	const [row] = await db
		.select()
		.from(funnels)
		.where(and(eq(funnels.organizationId, organizationId), eq(funnels.id, id)));
	if (!row) throw notFound("Funnel");
	return row;
}

export async function getFunnel(ctx: Ctx, id: string): Promise<FunnelView> {
	return toView(await getFunnelInOrg(ctx.db, ctx.organizationId, id));
}

export async function findFunnels(ctx: Ctx, query: PageQuery): Promise<Page<FunnelView>> {
	const rows = await ctx.db
		.select()
		.from(funnels)
		.where(
			and(
				eq(funnels.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: funnels.createdAt, kind: "time" }, funnels.id, "desc"),
			),
		)
		.orderBy(desc(funnels.createdAt), desc(funnels.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.createdAt, r.id]);
}

export async function createFunnel(ctx: Ctx, input: CreateFunnelInput): Promise<FunnelView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(funnels)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				steps: input.steps,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("funnel not written");
		await recordAudit(tx, ctx, "funnel.created", { type: "funnel", id: row.id }, input);
		await ctx.jobs.enqueue(tx, FUNNEL_ROLLUP_JOB, { organizationId: ctx.organizationId, funnelId: row.id });
		return toView(row);
	});
}

export async function updateFunnel(ctx: Ctx, id: string, input: UpdateFunnelInput): Promise<FunnelView> {
	return ctx.db.transaction(async (tx) => {
		await getFunnelInOrg(tx, ctx.organizationId, id);
		const [row] = await tx
			.update(funnels)
			.set({ ...input, updatedAt: ctx.now })
			.where(and(eq(funnels.organizationId, ctx.organizationId), eq(funnels.id, id)))
			.returning();
		if (!row) throw notFound("Funnel");
		await recordAudit(tx, ctx, "funnel.updated", { type: "funnel", id }, input);
		if (input.steps)
			await ctx.jobs.enqueue(tx, FUNNEL_ROLLUP_JOB, { organizationId: ctx.organizationId, funnelId: id });
		return toView(row);
	});
}

export async function deleteFunnel(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getFunnelInOrg(tx, ctx.organizationId, id);
		await tx.delete(funnels).where(and(eq(funnels.organizationId, ctx.organizationId), eq(funnels.id, id)));
		await recordAudit(tx, ctx, "funnel.deleted", { type: "funnel", id });
	});
}

function stepResults(labels: string[], counts: Map<number, number>) {
	const first = counts.get(0) ?? 0;
	return labels.map((label, index) => {
		const sessions = counts.get(index) ?? 0;
		const previous = index === 0 ? null : (counts.get(index - 1) ?? 0);
		return {
			label,
			sessions,
			conversionFromStart: ratio(sessions, first),
			dropOffFromPrevious: previous === null ? null : previous > 0 ? 1 - sessions / previous : null,
		};
	});
}

const SEGMENT_COLUMN = { device: "device", source: "source", visitorType: "is_returning" } as const;

export async function getFunnelReport(ctx: Ctx, id: string, query: FunnelReportQuery): Promise<FunnelReportView> {
	const funnel = await getFunnelInOrg(ctx.db, ctx.organizationId, id);
	const range = resolveRange(ctx, query);
	const segmentColumn = query.segment ? sql.raw(SEGMENT_COLUMN[query.segment]) : sql`''`;
	const rows = await queryRows<{ segment: string | boolean; step_index: number; sessions: number }>(
		ctx.db,
		sql`select ${segmentColumn} as segment, step_index, sum(sessions) as sessions from behaviour_funnel_days
		where organization_id = ${ctx.organizationId} and funnel_id = ${id}
			and day between ${range.from}::date and ${range.to}::date
		group by 1, 2`,
	);
	const labels = funnel.steps.map((s) => s.label);
	const total = new Map<number, number>();
	const bySegment = new Map<string, Map<number, number>>();
	for (const row of rows) {
		const step = num(row.step_index);
		total.set(step, (total.get(step) ?? 0) + num(row.sessions));
		const segment = typeof row.segment === "boolean" ? (row.segment ? "returning" : "new") : String(row.segment);
		const counts = bySegment.get(segment) ?? new Map<number, number>();
		counts.set(step, (counts.get(step) ?? 0) + num(row.sessions));
		bySegment.set(segment, counts);
	}
	return {
		funnel: toView(funnel),
		range,
		steps: stepResults(labels, total),
		segment: query.segment ?? null,
		segments: query.segment
			? [...bySegment.entries()]
					.map(([segment, counts]) => ({ segment, steps: stepResults(labels, counts) }))
					.sort((a, b) => (b.steps[0]?.sessions ?? 0) - (a.steps[0]?.sessions ?? 0))
			: [],
	};
}

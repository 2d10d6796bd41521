// Touchpoints: add to a stage, edit (incl. moving to another stage), reorder within a stage, delete, list.
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Page } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import { assertDepartmentsInOrg } from "../../admin/service/departments";
import {
	type CreateTouchpointInput,
	type JourneyDetailView,
	MAX_TOUCHPOINTS_PER_JOURNEY,
	type ReorderTouchpointsInput,
	type TouchpointQuery,
	type TouchpointView,
	type UpdateTouchpointInput,
} from "../contract";
import { touchpoints } from "../schema";
import { touchJourney } from "./journeys";
import { getJourneyDetail, getStageInJourney, getTouchpointInJourney, toTouchpointView } from "./load";

async function touchpointIdsOfStage(db: Db, ctx: Ctx, stageId: string, except?: string): Promise<string[]> {
	const rows = await db
		.select({ id: touchpoints.id })
		.from(touchpoints)
		.where(
			and(
				eq(touchpoints.organizationId, ctx.organizationId),
				eq(touchpoints.stageId, stageId),
				except ? ne(touchpoints.id, except) : undefined,
			),
		)
		.orderBy(asc(touchpoints.position), asc(touchpoints.createdAt));
	return rows.map((r) => r.id);
}

/** Puts the ids into `stageId` at positions 0…n-1. */
async function writeTouchpointOrder(db: Db, ctx: Ctx, stageId: string, ids: string[]): Promise<void> {
	for (const [position, id] of ids.entries()) {
		await db
			.update(touchpoints)
			.set({ stageId, position, updatedAt: ctx.now })
			.where(and(eq(touchpoints.organizationId, ctx.organizationId), eq(touchpoints.id, id)));
	}
}

export async function addTouchpoint(
	ctx: Ctx,
	journeyId: string,
	input: CreateTouchpointInput,
): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getStageInJourney(tx, ctx.organizationId, journeyId, input.stageId);
		if (input.departmentId) await assertDepartmentsInOrg(tx, ctx.organizationId, [input.departmentId]);
		const [total] = await tx
			.select({ n: count() })
			.from(touchpoints)
			.where(and(eq(touchpoints.organizationId, ctx.organizationId), eq(touchpoints.journeyId, journeyId)));
		if ((total?.n ?? 0) >= MAX_TOUCHPOINTS_PER_JOURNEY) {
			throw invalid(`A journey has at most ${MAX_TOUCHPOINTS_PER_JOURNEY} touchpoints`);
		}
		const order = await touchpointIdsOfStage(tx, ctx, input.stageId);
		const [row] = await tx
			.insert(touchpoints)
			.values({
				organizationId: ctx.organizationId,
				journeyId,
				stageId: input.stageId,
				name: input.name,
				channel: input.channel,
				description: input.description ?? null,
				departmentId: input.departmentId ?? null,
				urlPatterns: input.urlPatterns,
				position: order.length,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("touchpoint not written");
		if (input.position !== undefined && input.position < order.length) {
			order.splice(input.position, 0, row.id);
			await writeTouchpointOrder(tx, ctx, input.stageId, order);
		}
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "touchpoint.created", { type: "touchpoint", id: row.id }, { name: input.name });
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function updateTouchpoint(
	ctx: Ctx,
	journeyId: string,
	touchpointId: string,
	input: UpdateTouchpointInput,
): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		const current = await getTouchpointInJourney(tx, ctx.organizationId, journeyId, touchpointId);
		if (input.departmentId) await assertDepartmentsInOrg(tx, ctx.organizationId, [input.departmentId]);
		const { stageId, ...fields } = input;
		await tx
			.update(touchpoints)
			.set({ ...fields, updatedAt: ctx.now })
			.where(and(eq(touchpoints.organizationId, ctx.organizationId), eq(touchpoints.id, touchpointId)));
		if (stageId && stageId !== current.stageId) {
			// Moved: appended to the new stage, and the old stage's positions closed up.
			await getStageInJourney(tx, ctx.organizationId, journeyId, stageId);
			const target = await touchpointIdsOfStage(tx, ctx, stageId);
			await writeTouchpointOrder(tx, ctx, stageId, [...target, touchpointId]);
			await writeTouchpointOrder(
				tx,
				ctx,
				current.stageId,
				await touchpointIdsOfStage(tx, ctx, current.stageId, touchpointId),
			);
		}
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "touchpoint.updated", { type: "touchpoint", id: touchpointId }, input);
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function reorderTouchpoints(
	ctx: Ctx,
	journeyId: string,
	stageId: string,
	input: ReorderTouchpointsInput,
): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getStageInJourney(tx, ctx.organizationId, journeyId, stageId);
		const current = await touchpointIdsOfStage(tx, ctx, stageId);
		const missing = current.filter((id) => !input.touchpointIds.includes(id));
		if (missing.length > 0)
			throw invalid("touchpointIds: list every touchpoint of this stage (move others elsewhere by PATCH)");
		const sourceStages = new Set<string>();
		for (const id of input.touchpointIds) {
			const touchpoint = await getTouchpointInJourney(tx, ctx.organizationId, journeyId, id);
			if (touchpoint.stageId !== stageId) sourceStages.add(touchpoint.stageId);
		}
		await writeTouchpointOrder(tx, ctx, stageId, input.touchpointIds);
		for (const source of sourceStages) {
			await writeTouchpointOrder(tx, ctx, source, await touchpointIdsOfStage(tx, ctx, source));
		}
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "touchpoints.reordered", { type: "stage", id: stageId }, input);
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function deleteTouchpoint(ctx: Ctx, journeyId: string, touchpointId: string): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		const current = await getTouchpointInJourney(tx, ctx.organizationId, journeyId, touchpointId);
		await tx
			.delete(touchpoints)
			.where(and(eq(touchpoints.organizationId, ctx.organizationId), eq(touchpoints.id, touchpointId)));
		await writeTouchpointOrder(tx, ctx, current.stageId, await touchpointIdsOfStage(tx, ctx, current.stageId));
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "touchpoint.deleted", { type: "touchpoint", id: touchpointId });
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

/** All touchpoints of the organization, filtered; for pickers and other modules. */
export async function findTouchpoints(ctx: Ctx, query: TouchpointQuery): Promise<Page<TouchpointView>> {
	const rows = await ctx.db
		.select()
		.from(touchpoints)
		.where(
			and(
				eq(touchpoints.organizationId, ctx.organizationId),
				query.journeyId ? eq(touchpoints.journeyId, query.journeyId) : undefined,
				query.stageId ? eq(touchpoints.stageId, query.stageId) : undefined,
				query.departmentId ? eq(touchpoints.departmentId, query.departmentId) : undefined,
				query.channel ? eq(touchpoints.channel, query.channel) : undefined,
				afterCursor(query.cursor, { column: touchpoints.name, kind: "text" }, touchpoints.id, "asc"),
			),
		)
		.orderBy(asc(touchpoints.name), asc(touchpoints.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toTouchpointView, (r) => [r.name, r.id]);
}
